export declare const OWNERS: Record<string, string>;
export declare const SHARED_READS: string[];
export declare const READS: Record<string, Record<string, string>>;
export declare const WRITES: Record<string, Record<string, string>>;
