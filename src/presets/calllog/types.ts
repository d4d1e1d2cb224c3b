/**
 * A call-log preset: the columns, format and meaning of one system's export. Plain data (plus
 * the header-less layout detector for Asterisk); flags and the config file override any part.
 */
export interface CallLogPreset {
  name: string;
  description: string;
  /**
   * `business`: outcomes are CRM results that say whether a transaction happened.
   * `telephony`: a CDR; its disposition (ANSWERED, BUSY…) says nothing about a transaction,
   * so its rows only link recordings to calls.
   */
  kind: 'business' | 'telephony';
  /** Candidate header names per column; for `id`, every present one is tried per row in order. */
  columns: { id: string[]; outcome: string[]; time: string[] };
  /** Columns whose values are other IDs of the same call (Asterisk `linkedid`). */
  linkColumns: string[];
  /** How to turn an ID cell into the recording's call ID; see ID_TRANSFORMS. */
  idTransform: 'none' | 'asterisk-recordingfile';
  /** Outcome codes the export writes instead of labels (HubSpot GUIDs) → label. */
  outcomeLabels: Record<string, string>;
  /** For files without a header row: names the columns from the first record. */
  headerless: ((first: readonly string[]) => HeaderlessLayout | null) | null;
  command: string;
  /** The table a database source of this kind reads (FreePBX/Asterisk: cdr). */
  table?: string;
}

export interface HeaderlessLayout {
  headers: string[];
  /** Says which layout was assumed, e.g. "16 columns (cdr.conf defaults)". */
  description: string;
}
