import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  fromGift,
  fromQtiItem,
  InterchangeError,
  qtiManifest,
  toAnkiText,
  toGift,
  toQtiItem,
  type InterchangeItem,
} from './interchange.js';

const ITEM: InterchangeItem = {
  id: 'proprioceptors-001',
  area: 'kinesiology',
  subtopic: 'proprioceptors',
  difficulty: 'medium',
  stem: 'During a 30-second stretch {held} the muscle relaxes: which receptor = "autogenic inhibition"? A & B <ratio> 2:1 ~ #',
  options: [
    { text: 'Muscle spindle', rationale: 'Wrong: spindles facilitate contraction of the stretched muscle.' },
    {
      text: 'Golgi tendon organ',
      rationale: 'Right: sustained tension inhibits the muscle (autogenic inhibition).',
    },
    { text: 'Pacinian corpuscle', rationale: 'Wrong: it senses vibration and adapts quickly.' },
    { text: 'Ruffini ending', rationale: 'Wrong: it senses sustained stretch of skin and capsule.' },
  ],
  answer: 'B',
  reference: 'Biel A. Trail Guide to the Body, 6th ed.: proprioceptors',
};

describe('GIFT', () => {
  it('round-trips an item, special characters and all', () => {
    const text = toGift([
      ITEM,
      { ...ITEM, id: 'x-2', subtopic: 'range-of-motion', answer: 'D', difficulty: 'hard' },
    ]);
    const { items, skipped } = fromGift(text);
    expect(skipped).toEqual([]);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      title: ITEM.id,
      stem: ITEM.stem,
      options: ITEM.options,
      answer: 'B',
      area: 'kinesiology',
      subtopic: 'proprioceptors',
      difficulty: 'medium',
      reference: ITEM.reference,
    });
    expect(items[1]).toMatchObject({ answer: 'D', subtopic: 'range-of-motion', difficulty: 'hard' });
  });

  it("reads a school's Moodle export and says what it skipped", () => {
    const moodle = `// A school's bank
::Lever::Which class of lever is the elbow in flexion?{
  ~First class#The fulcrum is not between.
  ~Second class#The load is not between.
  =Third class#Effort lies between fulcrum and load.
  ~No lever#It is a lever.
}

::TF::The femur is the longest bone.{TRUE}

::Three options::Pick one {=a ~b ~c}

::Two correct::Pick {=a =b ~c ~d}
`;
    const { items, skipped } = fromGift(moodle);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'Lever',
      answer: 'C',
      area: null,
      difficulty: null,
      reference: null,
    });
    expect(items[0]!.options[2]).toEqual({
      text: 'Third class',
      rationale: 'Effort lies between fulcrum and load.',
    });
    expect(skipped.map((s) => [s.title, s.reason])).toEqual([
      ['TF', 'TF questions are not multiple choice.'],
      ['Three options', expect.stringContaining('this has 3 with 1 correct')],
      ['Two correct', expect.stringContaining('this has 4 with 2 correct')],
    ]);
  });

  it('says where a broken file breaks', () => {
    expect(() => fromGift('::a:: stem {=a ~b')).toThrow(InterchangeError);
  });
});

describe('QTI 3.0', () => {
  it('writes well-formed item XML with the correct response and a rationale per choice', () => {
    const xml = toQtiItem(ITEM);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<qti-correct-response><qti-value>B</qti-value></qti-correct-response>');
    expect(xml).toContain('max-choices="1"');
    expect(xml.match(/<qti-simple-choice /g)).toHaveLength(4);
    expect(xml.match(/<qti-modal-feedback /g)).toHaveLength(4);
    expect(XMLValidator.validate(qtiManifest([ITEM]))).toBe(true);
  });

  it('round-trips an item', () => {
    expect(fromQtiItem(toQtiItem(ITEM))).toEqual({
      title: ITEM.id,
      stem: ITEM.stem,
      options: ITEM.options,
      answer: 'B',
      area: 'kinesiology',
      subtopic: 'proprioceptors',
      difficulty: 'medium',
      reference: ITEM.reference,
    });
  });

  it('reads a QTI 2.1 item written elsewhere (camelCase elements)', () => {
    const qti21 = `<?xml version="1.0"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="q7" title="Hinge joint" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">
    <correctResponse><value>ChoiceA</value></correctResponse>
  </responseDeclaration>
  <itemBody>
    <p>Which joint is a hinge joint?</p>
    <choiceInteraction responseIdentifier="RESPONSE" maxChoices="1">
      <simpleChoice identifier="ChoiceA">Elbow (humeroulnar)</simpleChoice>
      <simpleChoice identifier="ChoiceB">Shoulder</simpleChoice>
      <simpleChoice identifier="ChoiceC">Atlantoaxial</simpleChoice>
      <simpleChoice identifier="ChoiceD">First carpometacarpal</simpleChoice>
    </choiceInteraction>
  </itemBody>
</assessmentItem>`;
    expect(fromQtiItem(qti21)).toMatchObject({
      title: 'Hinge joint',
      stem: 'Which joint is a hinge joint?',
      answer: 'A',
      options: [
        { text: 'Elbow (humeroulnar)', rationale: '' },
        { text: 'Shoulder' },
        { text: 'Atlantoaxial' },
        { text: 'First carpometacarpal' },
      ],
    });
  });

  it('refuses what is not a four-option single-choice item', () => {
    expect(() => fromQtiItem('<foo/>')).toThrow(/not a QTI assessment item/);
    const multi = toQtiItem(ITEM).replace('max-choices="1"', 'max-choices="2"');
    expect(() => fromQtiItem(multi)).toThrow(/single-answer/);
  });
});

describe('Anki', () => {
  it('writes tab-separated notes with a header Anki reads', () => {
    const text = toAnkiText([
      { front: 'Biceps brachii: action?', back: 'Flexes the elbow;\nsupinates', tags: ['muscles', 'arm'] },
    ]);
    expect(text.split('\n')).toEqual([
      '#separator:tab',
      '#html:true',
      '#tags column:3',
      'Biceps brachii: action?\tFlexes the elbow;<br>supinates\tmuscles arm',
      '',
    ]);
  });
});
