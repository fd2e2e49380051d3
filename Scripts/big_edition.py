"""Shared by the measuring scripts: a large edition made of the bundled seed
page, and the release `folio` started on it on a pseudo-terminal."""
import fcntl, os, pty, struct, tempfile, termios


def make(n, prefix):
    """An edition of `n` copies of the seed page in one file (form feeds
    between pages, each copy numbered in its staff line), in a fresh folder.
    Returns (folder, path)."""
    seed = open("Editions/2024-08-08/11.txt", encoding="utf-8").read()
    work = tempfile.mkdtemp(prefix=prefix)
    path = os.path.join(work, "edition.txt")
    with open(path, "w", encoding="utf-8") as f:
        for k in range(1, n + 1):
            f.write(seed.replace("制版：包聪颖 11", f"制版：包聪颖 {k}") + "\f")
    return work, path


def start(work, path, rows=40, cols=120):
    """`.build/release/folio PATH` on a pty of `cols`x`rows`, its data
    (bookmarks) in `work`. Returns (pid, fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["XDG_DATA_HOME"] = os.path.join(work, "data")
        os.execv(".build/release/folio", [".build/release/folio", path])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd
