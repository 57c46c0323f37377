// Turns file-system errors into one-line messages a responder can act on.
import { ExitCode, WarroomError } from '../core/index.js';

export function ioError(err: unknown, path: string, doing: string): WarroomError {
  if (err instanceof WarroomError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EACCES: 'permission denied (is the state dir writable?)',
    EPERM: 'operation not permitted (is the state dir writable?)',
    EROFS: 'the file system is read-only',
    ENOENT: 'it does not exist',
    EEXIST: 'it already exists',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a parent is not a directory',
    ELOCKED: 'another process holds the lock and did not release it in time',
    ELOOP: 'it is a symbolic link, and journals are used only in place (replace the link with the file itself)',
    ENOTREG: 'it is not a regular file (a journal is a plain file in the state dir)',
    EFBIG: 'the file size limit was reached',
  };
  const reason = (code && why[code]) ?? (err instanceof Error ? err.message : String(err));
  const exit = code === 'ENOENT' ? ExitCode.notFound : ExitCode.io;
  return new WarroomError(`could not ${doing} at ${path}: ${reason}`, exit);
}
