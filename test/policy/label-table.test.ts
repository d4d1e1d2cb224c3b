import { describe, expect, it } from 'vitest';
import type { Category } from '../../src/audit/types.js';
import { createClassifier } from '../../src/policy/classify.js';
import { loadBuiltinPack } from '../../src/policy/load-pack.js';

const pack = loadBuiltinPack();
const classify = createClassifier(pack);

/** A category, or `topic:<category>` for a qualifying word that is only the call's topic (review). */
type Expected = Category | `topic:${Category}`;

/**
 * Outcome labels as Slovenian and English call centres write them: compound, negated,
 * abbreviated, without diacritics, upper case, with codes. Each with the category it must get.
 */
const TABLE: Array<[string, Expected]> = [
  // The examples of issue 12: compound labels whose qualifying part must keep the recording.
  ['Reklamacija, klic prekinjen', 'complaint'],
  ['Naročilo – stranka ni zainteresirana za dodatke', 'order'],
  ['Stranka si je premislila in odpovedala', 'cancellation'],
  ['Complaint – call dropped', 'complaint'],
  ['Order – no interest in add-ons', 'order'],
  ['Pritožba na kakovost storitve', 'complaint'],
  ['Stranka zavrnila račun', 'objection'],
  // … topic words: the qualifying word is what the call was about, not what happened.
  ['Vprašanje o reklamaciji', 'topic:complaint'],
  ['Info o spremembi cenika', 'topic:order_change'],
  ['Status reklamacije', 'topic:complaint'],
  ['question about order', 'topic:order'],
  ['Follow-up on complaint', 'topic:complaint'],
  ['Inquiry about cancellation', 'topic:cancellation'],
  ['Poizvedba o naročilu', 'topic:order'],
  ['Informacija o odpovedi', 'topic:cancellation'],
  // … new categories, never a violation.
  ['Klic prekinjen', 'technical_interruption'],
  ['Prekinjena zveza', 'technical_interruption'],
  ['Call dropped', 'technical_interruption'],
  ['Ugovor zoper obdelavo', 'data_protection_request'],
  ['Zahteva za izbris', 'data_protection_request'],
  ['Zahteva za dostop', 'data_protection_request'],
  ['GDPR request', 'data_protection_request'],
  ['Grožnja s tožbo', 'legal_dispute'],
  ['Odvetnik', 'legal_dispute'],
  ['Pravni spor', 'legal_dispute'],
  ['Legal threat', 'legal_dispute'],
  ['Ugovor na račun', 'objection'],
  ['Zavrnil račun', 'objection'],
  // … unrecognised labels stay unknown.
  ['REKL', 'unknown'],
  ['Reklamcija', 'unknown'],

  // Codes in front: the number is the CRM's code, the dash a separator.
  ['03 - Reklamacija', 'complaint'],
  ['03-Reklamacija', 'complaint'],
  ['01 - Naročilo', 'order'],
  ['07 - Ni interesa', 'no_sale'],
  ['12 | Informacije', 'information'],
  ['(05) Odpoved', 'cancellation'],
  ['[22] Pritožba', 'complaint'],
  ['99 - Drugo', 'unknown'],
  ['04 – Sprememba paketa', 'order_change'],
  ['10/Ugovor', 'objection'],

  // Upper case, no diacritics, underscores.
  ['NAROCILO', 'order'],
  ['NAROČILO_ODDANO', 'order'],
  ['REKLAMACIJA', 'complaint'],
  ['PRITOZBA', 'complaint'],
  ['ODPOVED_NAROCNINE', 'cancellation'],
  ['SPREMEMBA_PAKETA', 'order_change'],
  ['UGOVOR_NA_RACUN', 'objection'],
  ['NI_NAKUPA', 'no_sale'],
  ['BREZ_ODGOVORA', 'other_non_qualifying'],
  ['INFO', 'information'],
  ['KLIC_PREKINJEN', 'technical_interruption'],
  ['ORDER_PLACED', 'order'],
  ['CANCELLED', 'cancellation'],
  ['NO_SALE', 'no_sale'],
  ['CALL DROPPED', 'technical_interruption'],
  ['narocilo oddano', 'order'],
  ['reklamacija sprejeta', 'complaint'],
  ['pritozba zaradi zamude', 'complaint'],
  ['odpoved pogodbe', 'cancellation'],
  ['zavrnila ponudbo', 'no_sale'],

  // Slovenian single statements.
  ['Naročilo', 'order'],
  ['Novo naročilo', 'order'],
  ['Nakup paketa', 'order'],
  ['Sklenitev pogodbe', 'order'],
  ['Aktivacija storitve', 'order'],
  ['Sprememba naročila', 'order_change'],
  ['Nadgradnja paketa', 'order_change'],
  ['Podaljšanje naročnine', 'order_change'],
  ['Preklic naročila', 'cancellation'],
  ['Odpoved naročnine', 'cancellation'],
  ['Prekinitev pogodbe', 'cancellation'],
  ['Prekinitev naročnine', 'cancellation'],
  ['Prekinjena pogodba', 'cancellation'],
  ['Izklop storitve', 'cancellation'],
  ['Odstop od pogodbe', 'cancellation'],
  ['Reklamacija', 'complaint'],
  ['Prijava okvare', 'complaint'],
  ['Vračilo kupnine', 'complaint'],
  ['Garancijski zahtevek', 'complaint'],
  ['Ugovor', 'objection'],
  ['Sporni račun', 'objection'],
  ['Napačen obračun', 'objection'],
  ['Obročno odplačilo', 'relationship_change'],
  ['Prenos naročniškega razmerja', 'relationship_change'],
  ['Sprememba naslova', 'relationship_change'],
  ['Tehnična pomoč', 'support'],
  ['Pomoč pri nastavitvi', 'support'],
  ['Splošno vprašanje', 'information'],
  ['Informacije - delovni čas', 'information'],
  ['Cenik', 'information'],
  ['Status dostave', 'information'],
  ['Ni nakupa', 'no_sale'],
  ['Ni naročila', 'no_sale'],
  ['Stranka ni naročila', 'no_sale'],
  ['Ni interesa za nakup', 'no_sale'],
  ['Brez interesa', 'no_sale'],
  ['Stranka si je premislila', 'no_sale'],
  ['Zavrnil ponudbo', 'no_sale'],
  ['Nadzor kakovosti', 'staff_monitoring'],
  ['Usposabljanje', 'staff_monitoring'],
  ['Žaljiv klic', 'abuse_prevention'],
  ['Grožnje', 'abuse_prevention'],
  ['Napačna številka', 'other_non_qualifying'],
  ['Telefonski predal', 'other_non_qualifying'],
  ['Testni klic', 'other_non_qualifying'],

  // Slovenian compound labels.
  ['Reklamacija in odpoved', 'complaint'],
  ['Info, nato naročilo', 'order'],
  ['Splošno vprašanje ter naročilo paketa', 'order'],
  ['Ni interesa; klic prekinjen', 'technical_interruption'],
  ['Klic prekinjen - ni interesa', 'technical_interruption'],
  ['Informacije / cenik', 'information'],
  ['Ni nakupa, brez odgovora', 'no_sale'],
  ['Naročilo + reklamacija', 'order'],
  ['Tehnična pomoč, reklamacija', 'complaint'],
  ['Info | REKL', 'unknown'],
  ['Pritožba (ni rešena)', 'complaint'],
  ['Reklamacija – ni upravičena', 'complaint'],
  ['Naročilo paketa in prekinjena zveza', 'order'],
  ['Stranka ni želela, nato naročila', 'order'],
  ['Premislil se je in odstopil od pogodbe', 'cancellation'],
  ['Vprašanje o ceniku', 'information'],
  ['Vprašanje o reklamaciji; reklamacija vložena', 'complaint'],
  ['Status naročila - naročilo potrjeno', 'order'],
  ['Zahteva za izbris, ni interesa', 'data_protection_request'],
  ['Grožnja s tožbo in ugovor na račun', 'objection'],

  // Negated qualifying words: a human decides.
  ['Reklamacija ni upravičena', 'unknown'],
  ['Ni reklamacije', 'unknown'],
  ['Brez odpovedi', 'unknown'],
  ['Nobene spremembe', 'unknown'],

  // English single statements.
  ['Order', 'order'],
  ['New order', 'order'],
  ['Purchase completed', 'order'],
  ['Contract signed', 'order'],
  ['Sign-up', 'order'],
  ['Upgrade', 'order_change'],
  ['Plan change', 'order_change'],
  ['Renewal', 'order_change'],
  ['Cancellation', 'cancellation'],
  ['Contract termination', 'cancellation'],
  ['Complaint', 'complaint'],
  ['Refund request', 'complaint'],
  ['Warranty claim', 'complaint'],
  ['Billing dispute', 'objection'],
  ['Chargeback', 'objection'],
  ['Rejected invoice', 'objection'],
  ['Payment plan', 'relationship_change'],
  ['Change of address', 'relationship_change'],
  ['Tech support', 'support'],
  ['Password reset', 'support'],
  ['General enquiry', 'information'],
  ['Opening hours', 'information'],
  ['No sale', 'no_sale'],
  ['Not interested', 'no_sale'],
  ['Not interested in upgrade', 'no_sale'],
  ['Customer hung up', 'no_sale'],
  ['Closed lost', 'no_sale'],
  ['Quality assurance', 'staff_monitoring'],
  ['Abusive caller', 'abuse_prevention'],
  ['Wrong number', 'other_non_qualifying'],
  ['Voicemail', 'other_non_qualifying'],
  ['Dropped call', 'technical_interruption'],
  ['Disconnected call', 'technical_interruption'],
  ['Line dropped', 'technical_interruption'],
  ['Right to erasure', 'data_protection_request'],
  ['Subject access request', 'data_protection_request'],
  ['DSAR', 'data_protection_request'],
  ['Objection to processing', 'data_protection_request'],
  ['Lawsuit threatened', 'legal_dispute'],
  ['Customer contacted a lawyer', 'legal_dispute'],
  ['Threatened to sue', 'legal_dispute'],

  // English compound labels.
  ['Order – not interested in add-ons', 'order'],
  ['Complaint; call dropped', 'complaint'],
  ['Info and then order', 'order'],
  ['Question, then cancellation', 'cancellation'],
  ['No sale / voicemail', 'no_sale'],
  ['Call dropped - no interest', 'technical_interruption'],
  ['Upgrade + complaint', 'order_change'],
  ['Support | refund', 'complaint'],
  ['Changed mind and cancelled', 'cancellation'],
  ['Question about refund; refund issued', 'complaint'],
  ['Order status', 'topic:order'],
  ['Question about pricing', 'information'],
  ['Not interested (no order)', 'no_sale'],
  ['Didn’t order', 'no_sale'],
  ['Order No. 4711', 'order'],
  ['Wrong number; abusive', 'other_non_qualifying'],

  // Abbreviations and typos: unknown, never a non-qualifying category by accident.
  ['NAR', 'unknown'],
  ['ODP', 'unknown'],
  ['Reklamacja', 'unknown'],
  ['Narcilo', 'unknown'],
  ['Odpvoed', 'unknown'],
  ['Pritzba', 'unknown'],
  ['Ugvor', 'unknown'],
  ['Compliant', 'unknown'],
  ['Cancelation', 'cancellation'],
  ['Ordr', 'unknown'],
  ['CB', 'unknown'],
  ['Povratni klic', 'unknown'],
];

describe('label table (issue 12): Slovenian and English call-centre labels', () => {
  it('has at least 150 labels, each once', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
    expect(new Set(TABLE.map(([label]) => label)).size).toBe(TABLE.length);
  });

  it.each(TABLE)('%j → %s', (label, expected) => {
    const got = classify(label);
    const topic = expected.startsWith('topic:');
    const category = topic ? expected.slice('topic:'.length) : expected;
    expect(got.category).toBe(category);
    const defined = pack.categories.find((c) => c.code === category)?.qualifies ?? 'review';
    expect(got.qualifies).toBe(topic ? 'review' : defined);
    expect(got.matchedBy === 'topic').toBe(topic);
  });

  it('never reads a typo or an abbreviation of a qualifying word as non-qualifying', () => {
    for (const label of ['Reklamcija', 'Narcilo', 'Odpvoed', 'Pritzba', 'Ugvor', 'REKL', 'NAR', 'ODP']) {
      expect(classify(label).qualifies, label).not.toBe('no');
    }
  });

  it('exposes the parts, the vocabulary entries, negations and topic markers that decided', () => {
    const compound = classify('03 - Naročilo – stranka ni zainteresirana za dodatke');
    expect(compound.parts?.map((p) => [p.text, p.category])).toEqual([
      ['narocilo', 'order'],
      ['stranka ni zainteresirana za dodatke', 'no_sale'],
    ]);
    expect(compound.parts?.[1]).toMatchObject({
      negations: ['ni'],
      matches: [{ phrase: 'ni zainteresiran', category: 'no_sale' }],
      topic: null,
    });
    const topic = classify('Vprašanje o reklamaciji');
    expect(topic.parts?.[0]).toMatchObject({ topic: 'vprasanj o', matchedBy: 'topic' });
    expect(topic.parts?.[0]?.matches.map((m) => m.phrase)).toContain('reklamacij');
  });

  it('keeps a hyphen inside a word and reads "in" after "interested" as a preposition', () => {
    expect(classify('Follow-up call').parts?.map((p) => p.text)).toEqual(['follow up call']);
    expect(classify('Not interested in upgrade').parts).toHaveLength(1);
    expect(classify('Reklamacija in odpoved').parts).toHaveLength(2);
  });
});
