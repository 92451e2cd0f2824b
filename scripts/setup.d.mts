// Types of scripts/setup.mjs, for scripts/start.ts.
export declare const ROOT: string;
export declare function isExecutable(file: string): boolean;
export declare function findCommand(name: string): string | null;
export declare function staleDependencies(root?: string): string | null;
export declare function ensureDependencies(): boolean;
export declare function ensureTestBrowsers(): boolean;
