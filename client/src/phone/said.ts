/** A sentence for people, not yet in words: a message key and its parameters, translated where shown. */
export interface Said {
  key: string;
  params: Record<string, string | number>;
}

export const said = (key: string, params: Record<string, string | number> = {}): Said => ({ key, params });
