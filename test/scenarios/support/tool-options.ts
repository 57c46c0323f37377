// Option names of the other tools runbook commands use, from `kubectl <verb> --help` (v1.32), the
// Terraform CLI docs (1.x) and the psql/pg_dump/curl manuals. Short flags are listed as they are written.

const KUBECTL_COMMON = ['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '--request-timeout'];
const KUBECTL_RES = ['-f', '--filename', '-k', '--kustomize', '-R', '--recursive', '-l', '--selector', '-o', '--output', '--template', '--allow-missing-template-keys', '--show-managed-fields'];

export const KUBECTL_VERBS: Record<string, string[]> = {
  get: [...KUBECTL_RES, '-A', '--all-namespaces', '--chunk-size', '--field-selector', '--ignore-not-found', '-L', '--label-columns', '--no-headers', '--output-watch-events', '--raw', '--server-print', '--show-kind', '--show-labels', '--sort-by', '--subresource', '-w', '--watch', '--watch-only'],
  describe: ['-A', '--all-namespaces', '--chunk-size', '-f', '--filename', '-k', '--kustomize', '-R', '--recursive', '-l', '--selector', '--show-events'],
  drain: ['--chunk-size', '--delete-emptydir-data', '--disable-eviction', '--dry-run', '--force', '--grace-period', '--ignore-daemonsets', '--pod-selector', '-l', '--selector', '--skip-wait-for-delete-timeout', '--timeout'],
  'top nodes': ['--no-headers', '-l', '--selector', '--show-capacity', '--sort-by', '--use-protocol-buffers'],
  scale: [...KUBECTL_RES, '--all', '--current-replicas', '--dry-run', '--replicas', '--resource-version', '--timeout'],
  'set env': [...KUBECTL_RES, '--all', '-c', '--containers', '--dry-run', '-e', '--env', '--field-manager', '--from', '--keys', '--list', '--local', '--overwrite', '--prefix', '--resolve'],
  'rollout history': [...KUBECTL_RES, '--revision'],
  'rollout undo': [...KUBECTL_RES, '--dry-run', '--to-revision'],
  'rollout status': ['-f', '--filename', '-k', '--kustomize', '-R', '--recursive', '--revision', '-l', '--selector', '--timeout', '-w', '--watch'],
  'rollout restart': [...KUBECTL_RES, '--field-manager'],
  logs: ['--all-containers', '--all-pods', '-c', '--container', '-f', '--follow', '--ignore-errors', '--limit-bytes', '--max-log-requests', '--pod-running-timeout', '--prefix', '-p', '--previous', '-l', '--selector', '--since', '--since-time', '--tail', '--timestamps'],
  apply: [...KUBECTL_RES, '--all', '--cascade', '--dry-run', '--field-manager', '--force', '--force-conflicts', '--grace-period', '--openapi-patch', '--overwrite', '--prune', '--prune-allowlist', '--server-side', '--subresource', '--timeout', '--validate', '--wait'],
  diff: ['--concurrency', '--field-manager', '-f', '--filename', '--force-conflicts', '-k', '--kustomize', '--prune', '--prune-allowlist', '-R', '--recursive', '-l', '--selector', '--server-side', '--show-managed-fields'],
  patch: ['-f', '--filename', '-k', '--kustomize', '-R', '--recursive', '-o', '--output', '--template', '--allow-missing-template-keys', '--show-managed-fields', '--dry-run', '--field-manager', '--local', '-p', '--patch', '--patch-file', '--subresource', '--type'],
};
export const KUBECTL_GLOBAL = KUBECTL_COMMON;
/** kubectl verbs with a second word (rollout undo, set env, top nodes). */
export const KUBECTL_TWO_WORD = ['rollout', 'set', 'top'];

// Plan-customization options; apply and destroy accept them too (their help refers to plan's).
const TF_VARS = ['-var', '-var-file', '-target', '-replace', '-input', '-lock', '-lock-timeout', '-parallelism', '-refresh', '-compact-warnings', '-no-color'];
export const TERRAFORM_COMMANDS: Record<string, string[]> = {
  init: ['-backend', '-backend-config', '-reconfigure', '-migrate-state', '-force-copy', '-upgrade', '-input', '-lock', '-lock-timeout', '-no-color', '-get', '-plugin-dir', '-lockfile', '-json'],
  plan: [...TF_VARS, '-out', '-destroy', '-refresh-only', '-detailed-exitcode'],
  apply: [...TF_VARS, '-auto-approve', '-backup', '-state', '-state-out', '-destroy', '-refresh-only'],
  destroy: [...TF_VARS, '-auto-approve'],
  taint: ['-allow-missing', '-lock', '-lock-timeout'],
  output: ['-json', '-raw', '-no-color', '-state'],
  show: ['-json', '-no-color'],
  'workspace select': ['-or-create'],
  'workspace new': ['-lock', '-lock-timeout', '-state'],
};
export const TERRAFORM_GLOBAL = ['-chdir', '-help', '-version'];

export const SIMPLE_TOOLS: Record<string, string[]> = {
  psql: ['-h', '--host', '-p', '--port', '-U', '--username', '-d', '--dbname', '-c', '--command', '-f', '--file', '-v', '--set', '-X', '--no-psqlrc', '-W', '--password', '-w', '--no-password', '-A', '-t', '-q', '-1', '--single-transaction', '-o', '--output'],
  pg_dump: ['-h', '--host', '-p', '--port', '-U', '--username', '-d', '--dbname', '-f', '--file', '-F', '--format', '-t', '--table', '-n', '--schema', '-a', '--data-only', '-s', '--schema-only', '-j', '--jobs', '-Fc', '-w', '--no-password', '-W', '--password'],
  curl: ['-f', '--fail', '-s', '--silent', '-S', '--show-error', '-fsS', '-sS', '-I', '--head', '-X', '--request', '-H', '--header', '-o', '--output', '-m', '--max-time', '-L', '--location', '-v', '--verbose', '-d', '--data'],
};
