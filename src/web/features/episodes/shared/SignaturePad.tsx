import { useId, useRef, useState, type PointerEvent } from 'react';
import { Box, Button, Group, Input, Text } from '@mantine/core';
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react';

/** The pad's own coordinate space: paths are resolution independent and always in whole units. */
export const SIGNATURE_WIDTH = 600;
export const SIGNATURE_HEIGHT = 200;

/** A handwriting-like font stack for typed signatures (whatever the device has; cursive as the fallback). */
export const SIGNATURE_SCRIPT_FONT =
  '"Segoe Script", "Bradley Hand", "Brush Script MT", "Lucida Handwriting", "Apple Chancery", "URW Chancery L", "Z003", cursive';

type SignaturePadProps = {
  /** SVG path data, 'M x y L x y …' with integer coordinates; '' when nothing is drawn. */
  value: string;
  onChange: (path: string) => void;
  label: string;
  description?: string;
  error?: string;
  disabled?: boolean;
  /** Given to the drawing area, so an error summary can link to it. */
  id?: string;
};

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * A signature drawn with a finger, pen or mouse: pointer events on an SVG, recorded as path data with whole
 * coordinates. Keyboard users sign on the "Type" alternative next to it, so the pad itself is no tab stop.
 */
export function SignaturePad({
  value,
  onChange,
  label,
  description,
  error,
  disabled,
  id,
}: SignaturePadProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const stroke = useRef<{ pointerId: number; last: [number, number]; points: number } | null>(null);
  const [live, setLive] = useState('');
  const liveRef = useRef('');
  const labelId = useId();
  const descriptionId = useId();
  const generatedId = useId();
  const padId = id ?? generatedId;

  const toPoint = (clientX: number, clientY: number): [number, number] | null => {
    const matrix = svgRef.current?.getScreenCTM();
    if (!matrix) return null;
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return [clamp(Math.round(point.x), 0, SIGNATURE_WIDTH), clamp(Math.round(point.y), 0, SIGNATURE_HEIGHT)];
  };

  const setLivePath = (path: string) => {
    liveRef.current = path;
    setLive(path);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (disabled || stroke.current) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const point = toPoint(event.clientX, event.clientY);
    if (!point) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    stroke.current = { pointerId: event.pointerId, last: point, points: 1 };
    setLivePath(`M${point[0]} ${point[1]}`);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const native = event.nativeEvent;
    const events = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    let path = liveRef.current;
    for (const e of events.length > 0 ? events : [native]) {
      const point = toPoint(e.clientX, e.clientY);
      if (!point || (point[0] === current.last[0] && point[1] === current.last[1])) continue;
      path += ` L${point[0]} ${point[1]}`;
      current.last = point;
      current.points += 1;
    }
    if (path !== liveRef.current) setLivePath(path);
  };

  const finish = (event: PointerEvent<SVGSVGElement>) => {
    const current = stroke.current;
    if (!current || current.pointerId !== event.pointerId) return;
    stroke.current = null;
    // A tap is a dot: a zero-length line, drawn by the round line caps.
    const path =
      current.points === 1 ? `${liveRef.current} L${current.last[0]} ${current.last[1]}` : liveRef.current;
    setLivePath('');
    onChange(value ? `${value} ${path}` : path);
  };

  const undo = () => {
    const strokes = value.split(/(?=M)/);
    onChange(strokes.slice(0, -1).join('').trim());
  };

  const shown = [value, live].filter(Boolean).join(' ');
  const hasDrawing = value.trim() !== '';

  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      id={`${padId}-wrapper`}
      description={description}
      error={error}
      styles={{ label: { display: 'block' } }}
      labelProps={{ id: labelId }}
      descriptionProps={{ id: descriptionId }}
    >
      <Box
        mt={4}
        style={{
          position: 'relative',
          border: `1px solid var(--mantine-color-${error ? 'red-6' : 'gray-4'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: disabled ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-white)',
          overflow: 'hidden',
        }}
      >
        <svg
          ref={svgRef}
          id={padId}
          tabIndex={-1}
          role="img"
          aria-labelledby={labelId}
          aria-describedby={description ? descriptionId : undefined}
          viewBox={`0 0 ${SIGNATURE_WIDTH} ${SIGNATURE_HEIGHT}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={finish}
          onPointerCancel={finish}
          style={{
            display: 'block',
            width: '100%',
            height: 'auto',
            touchAction: 'none',
            userSelect: 'none',
            cursor: disabled ? 'not-allowed' : 'crosshair',
          }}
        >
          <line
            x1={30}
            x2={SIGNATURE_WIDTH - 30}
            y1={150}
            y2={150}
            stroke="var(--mantine-color-gray-4)"
            strokeWidth={1.5}
            strokeDasharray="6 6"
          />
          <text x={30} y={140} fontSize={28} fill="var(--mantine-color-gray-5)" aria-hidden>
            ×
          </text>
          {shown && (
            <path
              d={shown}
              fill="none"
              stroke="var(--mantine-color-dark-7)"
              strokeWidth={3}
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          )}
        </svg>
      </Box>
      <Group justify="space-between" mt={6} gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed" aria-live="polite">
          {hasDrawing ? 'Signature drawn.' : 'Nothing drawn yet: sign above the line.'}
        </Text>
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconArrowBackUp size={14} aria-hidden />}
            onClick={undo}
            disabled={disabled || !hasDrawing}
          >
            Undo stroke
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconEraser size={14} aria-hidden />}
            onClick={() => onChange('')}
            disabled={disabled || !hasDrawing}
          >
            Clear
          </Button>
        </Group>
      </Group>
    </Input.Wrapper>
  );
}

/** The corners of a path's points, to frame a stored drawing whatever pad it came from. */
function pathBounds(path: string): { x: number; y: number; width: number; height: number } | null {
  const numbers = (path.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  if (numbers.length < 2) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const x = numbers[i]!;
    const y = numbers[i + 1]!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return { x: minX, y: minY, width: Math.max(1, maxX - minX), height: Math.max(1, maxY - minY) };
}

/** A small picture of a drawn signature, scaled to fit. */
export function SignatureThumbnail({
  path,
  label,
  width = 150,
  height = 50,
}: {
  path: string;
  label: string;
  width?: number;
  height?: number;
}) {
  const bounds = pathBounds(path);
  if (!bounds) return null;
  const pad = Math.max(bounds.width, bounds.height) * 0.06 + 2;
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`${bounds.x - pad} ${bounds.y - pad} ${bounds.width + 2 * pad} ${bounds.height + 2 * pad}`}
      preserveAspectRatio="xMidYMid meet"
      style={{
        display: 'block',
        background: 'var(--mantine-color-white)',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
      }}
    >
      <path
        d={path}
        fill="none"
        stroke="var(--mantine-color-dark-7)"
        strokeWidth={1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

/** A typed signature, shown in a handwriting-like style. */
export function TypedSignature({ name, size = 28 }: { name: string; size?: number }) {
  return (
    <Text
      component="span"
      style={{
        fontFamily: SIGNATURE_SCRIPT_FONT,
        fontStyle: 'italic',
        fontSize: size,
        lineHeight: 1.3,
        color: 'var(--mantine-color-dark-7)',
        overflowWrap: 'anywhere',
      }}
    >
      {name}
    </Text>
  );
}
