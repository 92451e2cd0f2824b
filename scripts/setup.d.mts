// Types of scripts/setup.mjs, for scripts/start.ts.
export declare const ROOT: string;
export declare function isExecutable(file: string): boolean;
export declare function findCommand(name: string): string | null;
export declare function staleDependencies(root?: string): string | null;
export declare function ensureDependencies(): boolean;
export declare function ensureTestBrowsers(): boolean;
export declare const START_BROWSER_COMMANDS: readonly string[];
export declare function ensureStartBrowser(deps?: {
  env?: Record<string, string | undefined>;
  find?: (name: string) => string | null;
  executable?: (file: string) => boolean;
  mayInstall?: () => boolean;
  install?: (packages: string[]) => boolean;
  log?: (line: string) => void;
}): boolean;
