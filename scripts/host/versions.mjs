// The VS Code builds the integration suite runs in. code-server from the npm registry is the only
// real VS Code that installs offline; each release bundles one VS Code and wants one Node major.
export const hosts = {
  // The `engines.vscode` floor: users on older VS Code never get the extension.
  oldest: { codeServer: '4.100.3', vscode: '1.100.3', node: 'system' },
  // The newest release that installs from the registry alone (later ones pull git dependencies).
  newest: { codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0' },
};

export const aptPackages = ['g++', 'make', 'python3', 'libkrb5-dev', 'ripgrep', 'chromium'];
