// The little of ncursesw folio uses, with the macros Swift cannot import
// wrapped as functions. The wide-character API needs NCURSES_WIDECHAR before
// the header.
#ifndef FOLIO_CNCURSESW_SHIM_H
#define FOLIO_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

static inline WINDOW *folio_stdscr(void) { return stdscr; }
static inline int folio_lines(void) { return LINES; }
static inline int folio_cols(void) { return COLS; }

enum {
    FOLIO_BOLD = 1, FOLIO_DIM = 2, FOLIO_ITALIC = 4, FOLIO_UNDERLINE = 8, FOLIO_REVERSE = 16,
};

/// Attributes from folio's style bits.
static inline attr_t folio_attrs(int style) {
    attr_t a = A_NORMAL;
    if (style & FOLIO_BOLD) a |= A_BOLD;
    if (style & FOLIO_DIM) a |= A_DIM;
#ifdef A_ITALIC
    if (style & FOLIO_ITALIC) a |= A_ITALIC;
#endif
    if (style & FOLIO_UNDERLINE) a |= A_UNDERLINE;
    if (style & FOLIO_REVERSE) a |= A_REVERSE;
    return a;
}

/// Draws one grapheme (a base and its combining characters) at (y, x).
static inline int folio_put(int y, int x, const wchar_t *cluster, int style) {
    cchar_t c;
    if (setcchar(&c, cluster, folio_attrs(style), 0, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}

/// Clears from (y, x) to the end of the row.
static inline int folio_clear_to_eol(int y, int x) {
    if (move(y, x) != OK) return ERR;
    attrset(A_NORMAL);
    return clrtoeol();
}

/// Reads a key: returns 0 for a character in *ch, 1 for a function key code
/// in *ch, -1 when none came before the timeout.
static inline int folio_get_key(int *ch) {
    wint_t w = 0;
    int r = get_wch(&w);
    *ch = (int)w;
    if (r == KEY_CODE_YES) return 1;
    if (r == OK) return 0;
    return -1;
}

static inline int folio_key_resize(void) { return KEY_RESIZE; }
static inline int folio_key_mouse(void) { return KEY_MOUSE; }
static inline int folio_key_up(void) { return KEY_UP; }
static inline int folio_key_down(void) { return KEY_DOWN; }
static inline int folio_key_left(void) { return KEY_LEFT; }
static inline int folio_key_right(void) { return KEY_RIGHT; }
static inline int folio_key_npage(void) { return KEY_NPAGE; }
static inline int folio_key_ppage(void) { return KEY_PPAGE; }
static inline int folio_key_home(void) { return KEY_HOME; }
static inline int folio_key_end(void) { return KEY_END; }
static inline int folio_key_enter(void) { return KEY_ENTER; }
static inline int folio_key_backspace(void) { return KEY_BACKSPACE; }
static inline int folio_key_dc(void) { return KEY_DC; }
static inline int folio_key_f(int n) { return KEY_F(n); }

/// Turns on reporting of wheel and clicks; returns whether the terminal can.
static inline int folio_enable_mouse(void) {
    mmask_t want = BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    want |= BUTTON5_PRESSED;
#endif
    mouseinterval(0);
    return mousemask(want, NULL) != 0;
}

/// The last mouse event: 1 wheel up, 2 wheel down, 3 click; with its position.
static inline int folio_mouse_event(int *y, int *x) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *y = e.y;
    *x = e.x;
    if (e.bstate & BUTTON4_PRESSED) return 1;
#ifdef BUTTON5_PRESSED
    if (e.bstate & BUTTON5_PRESSED) return 2;
#endif
    if (e.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) return 3;
    return 0;
}

/// Sets the locale from the environment, falling back to C.UTF-8 when the
/// codeset is not UTF-8, so ncursesw handles UTF-8 even when LANG is unset.
static inline void folio_set_locale(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0)) {
        if (!setlocale(LC_ALL, "C.UTF-8")) setlocale(LC_ALL, "C.utf8");
    }
}

/// A crash must not leave the terminal raw, on the alternate screen, with
/// mouse reporting on. On a fatal signal this puts back the terminal modes
/// saved before curses started and writes the sequences that leave the
/// alternate screen and mouse reporting (both async-signal-safe: tcsetattr,
/// write), then lets the signal's earlier handler (Swift's backtracer, or the
/// default) run as before.
struct folio_crash_state {
    struct termios termios;
    int have_termios;
    struct sigaction previous[32];
};

/// One state for the handler and the installer (a header's file-scope
/// statics are not emitted for Swift; a function's are).
static inline struct folio_crash_state *folio_crash(void) {
    static struct folio_crash_state state;
    return &state;
}

static void folio_crash_restore(int sig) {
    static const char reset[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?25h\033[?1049l\r\n";
    struct folio_crash_state *c = folio_crash();
    if (c->have_termios) tcsetattr(0, TCSANOW, &c->termios);
    ssize_t ignored = write(1, reset, sizeof reset - 1);
    (void)ignored;
    sigaction(sig, &c->previous[sig], NULL);
    raise(sig);
    // The earlier handler returned (a signal sent with kill, not a fault
    // that would recur): a fatal signal still ends the process.
    signal(sig, SIG_DFL);
    raise(sig);
    _exit(128 + sig);
}

static inline void folio_install_crash_restore(void) {
    struct folio_crash_state *c = folio_crash();
    c->have_termios = tcgetattr(0, &c->termios) == 0;
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = folio_crash_restore;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND | SA_NODEFER;
        sigaction(fatal[i], &sa, &c->previous[fatal[i]]);
    }
}

#endif
