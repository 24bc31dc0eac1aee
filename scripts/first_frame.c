/* The probe of scripts/bench_first_frame.sh: runs a command and prints the milliseconds from
 * its exec to its first painted frame, the moment a visible window of that process (its
 * _NET_WM_PID) holds more than 2 colours. Then it ends the command (SIGTERM). Exits 1 and
 * prints nothing when no frame is painted within 10 s.
 * The same criterion as scripts/bench_window.sh, polled every millisecond in one process:
 * ImageMagick's `import` takes ~90 ms a capture, which hid the differences being measured.
 * FIRST_FRAME_LIMIT_MS sets another limit than 10 s (scripts/profile_first_frame.sh runs the
 * command under valgrind, ~50 times slower).
 * Build: cc -O2 -o first_frame scripts/first_frame.c -lX11
 * Usage: DISPLAY=:NN first_frame COMMAND [ARGS...] */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int ignore_errors(Display *display, XErrorEvent *event) {
  (void)display;
  (void)event;
  return 0;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* A viewable window under `window` (itself included) whose _NET_WM_PID is `pid`, or 0. */
static Window window_of(Display *display, Window window, Atom pid_atom, long pid) {
  Atom type;
  int format;
  unsigned long count, after;
  unsigned char *value = NULL;
  if (XGetWindowProperty(display, window, pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                         &count, &after, &value) == Success && value) {
    long found = count == 1 ? (long)*(unsigned long *)value : -1;
    XFree(value);
    XWindowAttributes attributes;
    if (found == pid && XGetWindowAttributes(display, window, &attributes) &&
        attributes.map_state == IsViewable)
      return window;
  }
  Window root, parent, *children = NULL, hit = 0;
  unsigned int n = 0;
  if (XQueryTree(display, window, &root, &parent, &children, &n)) {
    for (unsigned int i = 0; i < n && !hit; i++)
      hit = window_of(display, children[i], pid_atom, pid);
    if (children) XFree(children);
  }
  return hit;
}

/* More than 2 colours in the window's pixels. */
static int painted(Display *display, Window window) {
  XWindowAttributes attributes;
  if (!XGetWindowAttributes(display, window, &attributes)) return 0;
  XImage *image = XGetImage(display, window, 0, 0, attributes.width, attributes.height,
                            AllPlanes, ZPixmap);
  if (!image) return 0;
  unsigned long first = XGetPixel(image, 0, 0), second = first;
  int colours = 1;
  for (int y = 0; y < image->height && colours < 3; y++)
    for (int x = 0; x < image->width && colours < 3; x++) {
      unsigned long pixel = XGetPixel(image, x, y);
      if (pixel == first || pixel == second) continue;
      if (colours == 1) second = pixel;
      colours++;
    }
  XDestroyImage(image);
  return colours > 2;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: first_frame COMMAND [ARGS...]\n");
    return 2;
  }
  Display *display = XOpenDisplay(NULL);
  if (!display) {
    fprintf(stderr, "first_frame: no display\n");
    return 2;
  }
  XSetErrorHandler(ignore_errors);
  Atom pid_atom = XInternAtom(display, "_NET_WM_PID", False);
  double start = now_ms();
  pid_t child = fork();
  if (child == 0) {
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  const char *limit_text = getenv("FIRST_FRAME_LIMIT_MS");
  double limit = limit_text ? atof(limit_text) : 10000;
  int result = 1;
  while (now_ms() - start < limit) {
    Window window = window_of(display, DefaultRootWindow(display), pid_atom, child);
    if (window && painted(display, window)) {
      printf("%.0f\n", now_ms() - start);
      result = 0;
      break;
    }
    int status;
    if (waitpid(child, &status, WNOHANG) == child) {
      fprintf(stderr, "first_frame: %s ended (status %d) before painting a frame\n", argv[1],
              status);
      return 1;
    }
    usleep(1000);
  }
  if (result)
    fprintf(stderr, "first_frame: %s painted no frame within %.0f ms\n", argv[1], limit);
  kill(child, SIGTERM);
  waitpid(child, NULL, 0);
  return result;
}
