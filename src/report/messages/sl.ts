import type { DecisionRef, HoldRef } from '../../audit/messages.js';
import type { Catalogue, MessageFormat } from './catalogue.js';
import type { UiKey } from './en.js';

const CATEGORIES: Catalogue['categories'] = {
  order: 'naročilo',
  order_change: 'sprememba naročila',
  cancellation: 'odpoved ali preklic',
  complaint: 'reklamacija',
  objection: 'ugovor',
  relationship_change: 'druga sprememba poslovnega razmerja',
  support: 'tehnična pomoč',
  information: 'informacije',
  no_sale: 'brez sklenitve posla',
  staff_monitoring: 'nadzor zaposlenih',
  abuse_prevention: 'žaljiv ali nadležen klic',
  other_non_qualifying: 'drug klic brez posla',
  technical_interruption: 'tehnična prekinitev',
  data_protection_request: 'zahteva za varstvo osebnih podatkov',
  legal_dispute: 'pravni spor',
  unknown: 'ni prepoznano',
};

const PROBLEMS: Record<string, string> = {
  EMPTY_FILE: 'datoteka je prazna, 0 bajtov: snemalnik ni zapisal zvoka',
  TRUNCATED: 'zvočni zapis je okrnjen: glava obljublja več zvoka, kot ga datoteka vsebuje',
  UNDECODABLE: 'vsebine ni mogoče dekodirati kot zvok',
  UNREADABLE: 'datoteke ni mogoče prebrati',
  NO_CALL_ID: 'ni ID-ja klica',
  CONFLICTING_CALL_ID: 'neskladni ID-ji klica',
  UNREADABLE_SIDECAR: 'neberljiva spremna datoteka',
};

const HOLD_TYPES: Record<string, string> = {
  dsar: 'zahteva posameznika',
  litigation: 'sodni postopek',
  regulatory: 'zakonska obveznost',
  authority_order: 'odredba organa',
};

const SOURCES: Record<string, string> = {
  filename: 'ime datoteke',
  path: 'pot',
  tag: 'zvočna oznaka',
  sidecar: 'spremna datoteka',
  mtime: 'čas spremembe datoteke',
  none: 'ni najden',
};

const holdList = (holds: readonly HoldRef[]) =>
  holds.map((h) => `${HOLD_TYPES[h.type] ?? h.type} ${h.reference} (${h.reason}; ${h.id})`).join('; ');

function decisionText(d: DecisionRef, f: MessageFormat): string {
  const what = d.decision === 'keep' ? 'za hrambo' : 'za izbris';
  const category = d.category ? ` (${CATEGORIES[d.category as keyof typeof CATEGORIES] ?? d.category})` : '';
  return `${what}${category}, pregledovalec ${d.reviewer}, ${d.decidedAt}: ${f.quote(d.reason)}${d.evidence ? ` (dokaz: ${d.evidence})` : ''}; ${d.id}`;
}

const NO_ROW = 'Noben dogodek v dnevniku klicev nima tega ID-ja klica, vendar';

export const SL: Catalogue<UiKey> = {
  ui: {
    title: 'Revizija posnetkov klicev',
    subtitle: 'Kateri posnetki so za hrambo, kateri za izbris in o katerih mora odločiti človek',
    generatedAt: 'Ustvarjeno',
    tool: 'Orodje',
    policy: 'Nabor pravil',
    period: 'Obdobje',
    inputs: 'Kaj je bilo pregledano',
    archiveRoots: 'Arhivi posnetkov',
    callLogs: 'Dnevniki klicev',
    outcomeMap: 'Preslikava izidov',
    path: 'Pot',
    file: 'Datoteka',
    recordings: 'Posnetki',
    ignoredFiles: 'Prezrte datoteke',
    rows: 'Vrstice',
    events: 'Dogodki',
    skippedRows: 'Preskočene vrstice',
    encoding: 'Kodiranje',
    entries: 'Vnosi',
    totalsByVerdict: 'Posnetki po odločitvi',
    totalsByReason: 'Posnetki po razlogu',
    perDay: 'Posnetki po dnevih in odločitvi',
    verdict: 'Odločitev',
    reason: 'Razlog',
    category: 'Kategorija',
    count: 'Število',
    total: 'Skupaj',
    callId: 'ID klica',
    date: 'Datum',
    deleteBy: 'Izbris najpozneje',
    size: 'Velikost',
    duration: 'Trajanje (s)',
    dueSoon: 'Roki hrambe, ki se iztečejo kmalu',
    staleHolds: 'Zadržanja brez ujemanja',
    endedHolds: 'Zadržanja, ki so potekla',
    overdueReviews: 'Ročni pregledi, odprti dlje od roka',
    openDays: 'Dni odprto',
    unconfirmedCitations: 'Še nepotrjeni pravni viri',
    joinRecordings: 'Posnetki z ID-jem klica, za katere je bila najdena vrstica v dnevniku klicev',
    joinCallLogIds: 'ID-ji klicev iz dnevnika, za katere je bil najden posnetek',
    unrecognisedNotices:
      'Neprepoznane vrednosti predhodnega obvestila (obvestilo pri teh posnetkih ni preverjeno)',
    unverifiedNotice: 'Posnetki, pri katerih predhodno obvestilo ni preverjeno',
    priorNoticeValue: 'Vrednost obvestila',
    inputProblems: 'Težave z vhodnimi podatki',
    problemCode: 'Težava',
    unreadableFiles: 'Neberljivi posnetki',
    findings: 'Ugotovitve',
    filterAll: 'vse',
    search: 'Iskanje po ID-ju klica ali poti',
    shown: 'prikazanih',
    of: 'od',
    previous: 'Nazaj',
    next: 'Naprej',
    page: 'Stran',
    evidence: 'Dokazi',
    howRead: 'Kako je bil izid razvrščen',
    rulesApplied: 'Uporabljeno pravilo',
    legalText: 'Pravna podlaga',
    confirmed: 'potrjeno',
    secondary: 'le sekundarni vir',
    unconfirmed: 'še ni potrjeno',
    labels: 'Oznake izidov',
    label: 'Oznaka',
    labelConfirmed: 'Potrjeno v preslikavi izidov',
    yes: 'da',
    no: 'ne',
    noEvidence: 'Noben dogodek v dnevniku klicev nima tega ID-ja klica.',
    fileProblems: 'Težave z datoteko',
    baseline: 'Primerjava z izhodiščem',
    baselineNew: 'novo',
    baselinePersisting: 'še odprto',
    baselineResolved: 'rešeno od izhodišča',
    status: 'Stanje',
    redacted: 'Telefonske številke in e-poštni naslovi so v tem poročilu zakriti.',
    notRedacted:
      'NI ZAKRITO: poročilo je bilo ustvarjeno z --no-redact in prikazuje telefonske številke in e-poštne naslove v celoti.',
    personalData:
      'Poročilo vsebuje osebne podatke (poti do posnetkov, ID-je klicev). Hranite in delite ga tako kot posnetke.',
    notLegalAdvice: 'Poročilo ni pravni nasvet; pravila potrdi pooblaščena oseba za varstvo podatkov.',
    legalTextMissing: 'Besedilo tega vira ni v poročilu.',
    none: 'nič',
    noScript: 'Tabela ugotovitev potrebuje JavaScript; zgornji seštevki so popolni tudi brez njega.',
    holdId: 'Zadržanje',
    holdType: 'Vrsta',
    holdScope: 'Obseg',
    holdValue: 'Vrednost',
    holdReference: 'Opravilna številka',
    holdReason: 'Razlog',
    holdUntil: 'Do',
    // The HTML front page: the result first, the print view, the time axis.
    result: 'Rezultat revizije',
    recordingOne: 'posnetek',
    recordingTwo: 'posnetka',
    recordingFew: 'posnetki',
    recordingOther: 'posnetkov',
    countToDelete: 'za izbris',
    countToReview: 'za ročni pregled',
    countToKeep: 'za hrambo',
    countOnHold: 'z zadržanim izbrisom',
    deletionDeadline: 'Rok za izbris',
    deleteNow: 'takoj',
    deleteNowNote: 'rok za posnetke za izbris je dan te revizije',
    nextRetentionDeadline: 'naslednji rok hrambe posnetka za hrambo',
    reviewDeadline: 'Rok za ročni pregled',
    reviewDeadlineNote: 'vsak pregled v',
    days: 'dneh',
    overdue: 'zamujeno',
    manifestToActOn: 'Seznam za izbris',
    manifestRows: 'število vrstic',
    manifestNotWritten: 'ni bil zapisan s tem poročilom: dodajte manifest v --format',
    purgeDryRun: 'brez --execute le preveri in ničesar ne izbriše',
    caveats: 'Opozorila',
    details: 'Podrobnosti',
    runId: 'ID izvedbe',
    preparedBy: 'Pripravil(-a)',
    approvedBy: 'Odobril(-a)',
    signature: 'Podpis',
    perWeek: 'Posnetki po tednih (od ponedeljka) in odločitvi',
    perMonth: 'Posnetki po mesecih in odločitvi',
    notPlotted: 'Ni prikazano, daleč zunaj glavnine posnetkov',
    earlier: 'prej',
    later: 'pozneje',
    line: 'Vrstica',
    otherLanguage: 'English version of this report:',
    sortBy: 'Razvrsti po',
    showEvidence: 'Prikaži ali skrij dokaze',
  },
  verdicts: {
    compliant: 'skladno (za hrambo)',
    violation: 'kršitev (za izbris)',
    review: 'za ročni pregled',
    hold: 'zadržan izbris',
  },
  reasons: {
    QUALIFYING_EVENT: 'zabeležen je poslovni dogodek',
    NON_QUALIFYING_ONLY: 'le izidi brez poslovnega dogodka',
    NO_CALL_LOG_ENTRY: 'ni vnosa v dnevniku klicev',
    UNKNOWN_OUTCOME: 'izid ni prepoznan',
    AMBIGUOUS_CATEGORY: 'o izidu mora odločiti človek',
    NO_CALL_ID: 'v poti ni ID-ja klica',
    UNREADABLE_FILE: 'neberljiva zvočna datoteka',
    CONFLICTING_CALL_ID: 'neskladni ID-ji klica',
    RETENTION_EXPIRED: 'rok hrambe je potekel',
    LEGAL_HOLD: 'zadržan izbris',
    HOLD_EXPIRED: 'zadržanje izbrisa je poteklo',
    NO_PRIOR_NOTICE: 'klicatelj ni bil predhodno obveščen',
    EVENT_TIME_MISMATCH: 'čas dogodka se ne ujema s posnetkom',
    OUTSIDE_LOG_COVERAGE: 'zunaj obdobja dnevnika klicev',
    COVERAGE_UNKNOWN: 'ni znano, ali dnevnik klicev pokriva čas posnetka',
    UNLAWFUL_STATED_PURPOSE: 'nedopusten navedeni namen snemanja',
    UNREADABLE_SIDECAR: 'neberljiva spremna datoteka',
    UNCONFIRMED_LABEL: 'oznaka izida ni potrjena v preslikavi izidov',
    REVIEWED_KEEP: 'za hrambo po odločitvi pregledovalca',
    REVIEWED_DELETE: 'za izbris po odločitvi pregledovalca',
  },
  categories: CATEGORIES,
  findings: {
    LEGAL_HOLD: ({ holds }) => `Izbris je zadržan zaradi veljavnega zadržanja: ${holdList(holds)}.`,
    UNREADABLE_FILE: ({ problems }) =>
      `Datoteke ni bilo mogoče prebrati kot zvočni posnetek (${problems.map((p) => PROBLEMS[p.code] ?? p.message).join('; ')}); preden se karkoli izbriše, jo mora preveriti človek.`,
    CONFLICTING_CALL_ID: ({ detail }) =>
      `Viri ID-ja klica si nasprotujejo (${detail}); človek mora odločiti, kateremu klicu posnetek pripada.`,
    UNREADABLE_SIDECAR: ({ detail }) =>
      `Spremne datoteke ni mogoče prebrati (${detail}), zato ID-ja klica ni mogoče potrditi; popravite ali obnovite spremno datoteko ali posnetek ročno preglejte.`,
    REVIEWED_DELETE: ({ decision }, f) =>
      `Pregledovalec je odločil, da je posnetek za izbris: ${decisionText(decision, f)}.`,
    REVIEWED_KEEP_EXPIRED: ({ decision, category, deleteBy }, f) =>
      `Pregledovalec je odločil, da je posnetek za hrambo (${decisionText(decision, f)}), vendar je rok hrambe za kategorijo ${CATEGORIES[category as keyof typeof CATEGORIES] ?? category} potekel ${f.time(deleteBy)}; posnetek je za izbris.`,
    REVIEWED_KEEP: ({ decision, deleteBy }, f) =>
      `Pregledovalec je odločil, da je posnetek za hrambo: ${decisionText(decision, f)}; ${deleteBy === null ? 'roka hrambe ni bilo mogoče izračunati (kategorija nima roka ali čas klica ni znan)' : `hrani se do ${f.time(deleteBy)}`}.`,
    NO_CALL_ID: () =>
      'Iz posnetka ni bilo mogoče razbrati ID-ja klica, zato ga ni mogoče povezati z dnevnikom klicev.',
    NO_PRIOR_NOTICE: ({ labels, deletes }, f) =>
      `Po dnevniku klicev klicatelj ni bil vnaprej obveščen o snemanju (${f.quoted(labels)}); ${
        deletes
          ? 'brez predhodnega obvestila je posnetek nezakonit, tudi če je sledil posel'
          : 'preden se posnetek izbriše, človek preveri, ali je bil klicatelj obveščen drugače (npr. ga je obvestil operater); z nastavitvijo noticeMissing "violation" postane to izbris, ko je stolpec zanesljiv'
      }.`,
    UNLAWFUL_STATED_PURPOSE: ({ purposes }, f) =>
      `Navedeni namen snemanja ${f.quoted(purposes)} ni dopusten namen snemanja klicev; človek odloči, ali poslovni dogodek upravičuje hrambo.`,
    RETENTION_EXPIRED: ({ labels, deleteBy }, f) =>
      `Dnevnik klicev beleži poslovni dogodek (${f.quoted(labels)}), vendar je rok hrambe potekel ${f.time(deleteBy)}; posnetek je za izbris.`,
    QUALIFYING_EVENT: ({ labels, deleteBy }, f) =>
      `Dnevnik klicev beleži poslovni dogodek (${f.quoted(labels)}); posnetek se sme hraniti kot dokaz${deleteBy === null ? ' (čas ni znan, zato roka hrambe ni bilo mogoče izračunati)' : ` do ${f.time(deleteBy)}`}.`,
    EVENT_TIME_MISMATCH: (
      { labels, qualifying = true, byMtime, startedAt, timeSource, maxEventLagHours },
      f,
    ) =>
      `${qualifying ? 'Poslovni dogodek' : 'Izid brez poslovnega dogodka'} ${f.quoted(labels)} je ${
        byMtime
          ? `več kot ${maxEventLagHours} ur po času spremembe datoteke (${f.time(startedAt)}); klic se je začel ob tem času ali prej, saj kopiranje in pretvorbe čas le pomaknejo naprej`
          : `zunaj okna od 1 ure pred do ${maxEventLagHours} ur po posnetku (${f.time(startedAt)}, vir: ${SOURCES[timeSource ?? 'none'] ?? timeSource})`
      }; človek preveri, ali pripada temu klicu.`,
    UNKNOWN_OUTCOME: ({ labels }, f) =>
      `Oznake izida ${f.quoted(labels)} ni v slovarju nabora pravil; dodajte jo v preslikavo izidov (--outcome-map) ali klic ročno preglejte.`,
    AMBIGUOUS_CATEGORY: ({ labels, topicOnly, holdSuggestions }, f) =>
      `Izid ${f.quoted(labels)} morda spreminja poslovno razmerje, morda ne${
        topicOnly
          ? ' (beseda, ki pomeni poslovni dogodek, je le tema klica: za njim je lahko odprta reklamacija ali naročilo)'
          : ''
      }; odloči človek.${holdSuggestions
        .map(
          (s) =>
            ` Pred izbrisom razmislite o zadržanju (${HOLD_TYPES[s.type] ?? s.type}${s.citations.length > 0 ? `; ${s.citations.join(', ')}` : ''}).`,
        )
        .join('')}`,
    UNCONFIRMED_LABEL: ({ labels }, f) =>
      `Izid ${f.quoted(labels)} je razvrščen kot izid brez poslovnega dogodka, vendar ga ne potrjuje nobena potrjena vrstica preslikave izidov (--labels confirmed); potrdite ga v preslikavi izidov (callaudit labels --write-map) ali klic ročno preglejte.`,
    NON_QUALIFYING_ONLY: ({ labels }, f) =>
      `Noben dogodek v dnevniku klicev ni poslovni dogodek (${f.quoted(labels)}); klic ni privedel do posla, zato je posnetek za izbris.`,
    OUTSIDE_LOG_COVERAGE: ({ startedAt, timeSource, spans }, f) =>
      `${NO_ROW} je posnetek (${f.time(startedAt)}, vir: ${SOURCES[timeSource ?? 'none'] ?? timeSource}) zunaj obdobja, ki ga pokrivajo dnevniki klicev (${spans.join(', ')}); priložite dnevnik klicev za to obdobje.`,
    COVERAGE_NO_DATA: () =>
      `${NO_ROW} ni znano, katero obdobje pokrivajo dnevniki klicev (ni --time-column ne --log-period), zato odsotnost ne dokazuje ničesar: dnevnik drugega meseca bi bil videti enako. Za odločitev navedite --time-column ali --log-period.`,
    COVERAGE_UNKNOWN_TIME: ({ spans }) =>
      `${NO_ROW} čas posnetka ni znan, zato ni mogoče pokazati, da je v obdobju dnevnikov klicev (${spans.join(', ')}); človek preveri, kdaj je bil klic.`,
    COVERAGE_MTIME_ONLY: ({ startedAt, spans }, f) =>
      `${NO_ROW} je posnetek datiran le s časom spremembe datoteke (${f.time(startedAt)}); klic se je začel ob tem času ali prej, morda pred obdobjem dnevnikov klicev (${spans.join(', ')}), zato odsotnost ne dokazuje ničesar. Odloči prednastavitev, zvočna oznaka ali spremna datoteka s časom klica.`,
    NO_CALL_LOG_ENTRY: () =>
      'Noben dogodek v dnevniku klicev nima tega ID-ja klica, zato nič ne kaže, da je klic privedel do posla.',
    HOLD_EXPIRED: ({ wouldBe, holds }, f) =>
      `Posnetek bi bil kršitev (${wouldBe.reason}: ${f.message(wouldBe.message)}), vendar je bil pod zadržanjem izbrisa, ki je poteklo: ${holdList(holds)}; pred izbrisom odločitev potrdi človek.`,
    TEXT: ({ text }) => text,
  },
  rules: {
    'legal-hold': 'Veljavno zadržanje izbrisa ohrani posnetek ne glede na vse drugo.',
    'readable-file': 'Posnetek mora biti berljiva zvočna datoteka.',
    'trusted-call-id': 'ID-ju klica ne sme nasprotovati drug vir, spremna datoteka pa mora biti berljiva.',
    'review-decision': 'Odločitev človeka iz datoteke odločitev določi hrambo ali izbris.',
    'call-id': 'Posnetek mora imeti ID klica, ki ga poveže z dnevniki klicev.',
    'prior-notice': 'Klicatelj mora biti o snemanju obveščen vnaprej.',
    'stated-purpose': 'Snemanje za kakovost, nadzor ali preprečevanje zlorab nima dopustnega namena.',
    'qualifying-event': 'Poslovni dogodek v dnevniku klicev ohrani posnetek do izteka roka hrambe.',
    'event-time': 'Poslovni dogodek le zunaj časovnega okna lahko pripada drugemu klicu.',
    'unknown-outcome': 'O oznakah izidov, ki jih nabor pravil ne prepozna, odloči človek.',
    'ambiguous-category': 'O kategorijah, ki jih nabor pravil označi za ročni pregled, odloči človek.',
    'confirmed-label': 'Z --labels confirmed vodi v izbris le potrjena oznaka izida.',
    'non-qualifying-only':
      'Posnetka klica, pri katerem noben dogodek ni poslovni, ni dovoljeno hraniti; če nobeden ni v časovnem oknu, preveri človek.',
    'log-coverage': 'Manjkajoča vrstica dnevnika šteje le znotraj znanega obdobja dnevnikov klicev.',
    'no-call-log-entry': 'Posnetek brez dogodka v dnevniku klicev nima dokumentiranega posla.',
    'expired-hold': 'Posnetek, ki je bil pod zadržanjem izbrisa, nikoli ne gre naravnost v izbris.',
  },
  matchedBy: {
    'outcome-map': 'vrstica preslikave izidov',
    vocabulary: 'izraz iz slovarja',
    negation: 'zanikan izraz poslovnega dogodka',
    tie: 'neodločeno med izrazi',
    topic: 'beseda poslovnega dogodka le kot tema',
    none: 'nič se ne ujema',
  },
  sources: SOURCES,
  holdTypes: HOLD_TYPES,
  problems: PROBLEMS,
  quotes: ['„', '“'],
  timeFormat: '{d}. {M}. {yyyy} {HH}:{mm}',
  dateFormat: '{d}. {M}. {yyyy}',
  timesIn: (zone) => `Časi so v pasu ${zone}.`,
  explain: {
    recording: 'Posnetek',
    callId: 'ID klica',
    time: 'čas',
    problems: 'težave',
    window: 'okno',
    coverage: 'pokritost',
    basis: 'osnova',
    none: '(ni)',
    unknown: 'ni znan',
    sinceAudit: (at, file) => `Od revizije ${at} (${file}):`,
    noInputChanged:
      'noben vhod se ni spremenil: dnevniki klicev, preslikava izidov, zadržanja in pravila imajo SHA-256, ki ga je zapisala revizija',
    changed: 'SPREMENJENO',
    changes: {
      callLog: 'dnevnik klicev',
      outcomeMap: 'preslikava izidov',
      holdsFile: 'datoteka zadržanj',
      notReadThen: (what, file) => `${what} ${file}: revizija ga ni prebrala`,
      notReadNow: (what, file) => `${what} ${file}: revizija ga je prebrala, zdaj ni prebran`,
      fileChanged: (what, file, then, now) =>
        `${what} ${file} se je od revizije spremenil (SHA-256 takrat ${then}, zdaj ${now})`,
      policyChanged: (now, then, shaThen, shaNow) =>
        `nabor pravil ${now} se razlikuje od nabora revizije ${then} (SHA-256 takrat ${shaThen}, zdaj ${shaNow})`,
      recordingNew: (name) => `posnetka ${name} v reviziji ni bilo`,
      recordingChanged: (name, then, now) =>
        `posnetek ${name} se je od revizije spremenil (SHA-256 takrat ${then}, zdaj ${now})`,
      recordingResized: (name, then, now) =>
        `posnetek ${name} se je od revizije spremenil (takrat ${then.size} bajtov, spremenjen ${then.mtime}; zdaj ${now.size} bajtov, spremenjen ${now.mtime})`,
      verdictMoved: (name, then, now) =>
        `revizija je posnetek ${name} ocenila ${then}; ponovna presoja zdaj: ${now}`,
    },
    idRules: {
      stem: 'imenu datoteke brez končnice',
      preset: (name, pattern) => `vzorcu prednastavitve ${name} ${pattern}`,
      pattern: (origin, pattern) => `vzorcu ${origin} ${pattern}`,
      mapped: (map) => `, nato preslikan v ID klica z datoteko preslikav posnetkov ${map}`,
      inName: (rule) => `najden v imenu datoteke po ${rule}`,
      inPath: (rule) => `najden v poti mape po ${rule}`,
      inTag: (tag, idFrom) => `najden v oznaki posnetka ${tag} (--id-from ${idFrom})`,
      sidecarField: (field) => `najden v polju ${field} spremne datoteke`,
      sidecarAny: 'najden v spremni datoteki, v enem od običajnih polj za ID klica',
      none: (idFrom, rule) => `ni najden: iskano v ${idFrom}${rule === null ? '' : ` po ${rule}`}`,
    },
    timeFrom: (source) => `(vir: ${source})`,
    noWindow: 'čas klica ni znan: šteje vsak dogodek',
    windowMtime: (to, hours) =>
      `štejejo dogodki do ${to} (${hours} ur po času spremembe datoteke; klic se je začel ob tem času ali prej, saj kopiranje, obnova ali pretvorba čas le pomakne naprej, zato noben dogodek ni prezgoden)`,
    windowBoth: (from, to, hours) => `štejejo dogodki od ${from} do ${to} (1 uro prej, ${hours} ur pozneje)`,
    coveragePlaces: {
      inside: 'znotraj',
      outside: 'zunaj',
      'no-coverage-data': 'obdobje dnevnikov ni znano',
      'unknown-time': 'čas posnetka ni znan',
      'mtime-only': 'le čas spremembe datoteke',
    },
    coverageBases: { none: 'brez podatka', declared: 'navedeno', 'event-times': 'iz časov v dnevniku' },
    coverageNotes: {
      'no-coverage-data': ': obdobje dnevnikov ni znano (navedite --time-column ali --log-period)',
      'unknown-time': ': čas posnetka ni znan',
      'mtime-only':
        ': posnetek je datiran le s časom spremembe datoteke, zato se je klic morda začel pred obdobjem dnevnikov in njegova odsotnost v njih ne dokazuje ničesar',
    },
    candidates: (count) => `Dogodki, ki pridejo v poštev (${count}):`,
    noCandidates: 'ni jih: nobena vrstica dnevnika klicev nima tega ID-ja klica',
    qualifies: { yes: 'da', no: 'ne', review: 'ročni pregled' },
    qualifiesLabel: 'poslovni dogodek',
    eventAt: (at, window) => `čas ${at}, ${window}`,
    windowPlaces: {
      inside: 'znotraj okna',
      before: 'pred oknom',
      after: 'po oknu',
      'unknown-time': 'šteje (čas ni znan)',
    },
    confirmedInMap: 'potrjeno v preslikavi izidov',
    priorNotice: 'predhodno obvestilo',
    notices: { given: 'dano', 'not-given': 'ni dano', unknown: 'ni znano' },
    statedPurpose: 'navedeni namen',
    activeHolds: 'Veljavna zadržanja izbrisa',
    endedHolds: 'Potekla zadržanja izbrisa',
    until: 'do',
    furtherNotice: 'preklica',
    rulesHeading: 'Pravila po vrstnem redu prednosti:',
    statuses: {
      'does not apply': 'ne velja',
      decides: 'odloči',
      'not reached': 'ni preverjeno',
      softens: 'omili',
    },
    verdict: 'Odločitev',
    deleteBy: 'izbris najpozneje',
    legalBasis: (policy, sha) => `Pravna podlaga (nabor pravil ${policy}, sha256 ${sha}…):`,
    citationStatus: { confirmed: '', secondary: 'SEKUNDARNI VIR', unconfirmed: 'NEPOTRJENO' },
  },
  notes: {
    noticeNotVerified:
      'Predhodno obvestilo ni preverjeno: dnevniki klicev so bili prebrani brez stolpca obvestila (--notice-column), zato pri nobenem posnetku ni bilo preverjeno obvestilo o snemanju, ki mora biti dano vnaprej.',
    noticeChecked: (column) => `Predhodno obvestilo je preverjeno v stolpcu dnevnika klicev „${column}“.`,
    noticeUnverified: (column, recordings, values) =>
      `Predhodno obvestilo je preverjeno v stolpcu dnevnika klicev „${column}“, ni pa preverjeno pri ${recordings} posnetkih, katerih vrstice imajo neprepoznane vrednosti: ${values}.`,
    join: (joined, withId, idsJoined, ids) =>
      `Povezava: za ${joined} od ${withId} posnetkov z ID-jem klica je bila najdena vrstica v dnevniku klicev; za ${idsJoined} od ${ids} ID-jev klicev iz dnevnika je bil najden posnetek.`,
    dueSoon: (count, days) => `Skladni posnetki, ki so za izbris v ${days} dneh: ${count}.`,
    coverageUnknown: (count, noCoverageData) =>
      `Posnetki brez vrstice v dnevniku klicev, o katerih ni bilo mogoče odločiti (COVERAGE_UNKNOWN): ${count}; ${
        noCoverageData
          ? 'navedite --time-column <stolpec> (čas dogodka v dnevniku) ali --log-period od..do (obdobje izvoza)'
          : 'njihov čas ni znan ali je znan le čas spremembe datoteke: uporabite prednastavitev ali --id-from z virom, ki navaja čas klica'
      }.`,
    staleHolds: (count) => `Zadržanja izbrisa brez ujemanja s posnetkom: ${count}; glejte report.json.`,
    mtimeTimes: (count) => `Časi posnetkov, vzeti iz časa spremembe datoteke: ${count}.`,
    unconfirmedCitations: (ids) => `Nepotrjeni pravni viri v tem poročilu: ${ids} (glejte report.json).`,
    compliantSummaryHeading: 'Skladni posnetki, povzetek',
    compliantSummary: (n, limit) =>
      `Skladni posnetki (${n}) v spodnji tabeli ugotovitev niso navedeni posamično: revizija ima več kot ${limit} ugotovitev, tabela pa navaja vse kršitve, posnetke za pregled in zadržane posnetke. Vse posnetke navajata findings.csv in report.json.`,
    retentionUnconfirmed:
      'Roki hrambe niso potrjeni: potrditi jih mora pooblaščena oseba za varstvo podatkov (callaudit policy).',
  },
};
