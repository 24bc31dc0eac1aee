/* The window check of scripts/wine_smoke.sh: waits for a viewable window whose title holds
 * TEXT and whose pixels below its top 40 rows (a title bar) hold at least MIN_COLOURS colours
 * (a drawn frame with anti-aliased text has hundreds; a blank or single-colour window one or
 * two), then prints
 * "x y width height colours" (x, y: its top-left corner on the screen, title bar included
 * when the window draws its own) and writes the whole screen to OUT.ppm for a person to see.
 * Exits 1 and says why when no such window comes within SECONDS.
 * Build: cc -O2 -o window_probe scripts/window_probe.c -lX11
 * Usage: DISPLAY=:NN window_probe TEXT MIN_COLOURS SECONDS OUT.ppm */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int ignore_errors(Display *display, XErrorEvent *event) {
  (void)display;
  (void)event;
  return 0;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* Whether the window's _NET_WM_NAME (UTF-8) or WM_NAME holds `text`. */
static int titled(Display *display, Window window, const char *text) {
  Atom utf8 = XInternAtom(display, "UTF8_STRING", False);
  Atom net_name = XInternAtom(display, "_NET_WM_NAME", False);
  Atom type;
  int format, found = 0;
  unsigned long count, after;
  unsigned char *value = NULL;
  if (XGetWindowProperty(display, window, net_name, 0, 1024, False, utf8, &type, &format,
                         &count, &after, &value) == Success && value) {
    found = strstr((const char *)value, text) != NULL;
    XFree(value);
  }
  char *name = NULL;
  if (!found && XFetchName(display, window, &name) && name) {
    found = strstr(name, text) != NULL;
    XFree(name);
  }
  return found;
}

/* A viewable window under `window` (itself included) titled with `text`, or 0. */
static Window find(Display *display, Window window, const char *text) {
  XWindowAttributes attributes;
  if (titled(display, window, text) && XGetWindowAttributes(display, window, &attributes) &&
      attributes.map_state == IsViewable)
    return window;
  Window root, parent, *children = NULL, hit = 0;
  unsigned int n = 0;
  if (XQueryTree(display, window, &root, &parent, &children, &n)) {
    for (unsigned int i = 0; i < n && !hit; i++) hit = find(display, children[i], text);
    if (children) XFree(children);
  }
  return hit;
}

/* The number of distinct colours in the image below its top `skip` rows (a title bar drawn
 * before the content does not count), counted up to `enough`. */
static int colours(XImage *image, int skip, int enough) {
  unsigned long seen[256];
  int n = 0;
  for (int y = skip; y < image->height && n < enough; y++)
    for (int x = 0; x < image->width && n < enough; x++) {
      unsigned long pixel = XGetPixel(image, x, y);
      int known = 0;
      for (int i = 0; i < n && !known; i++) known = seen[i] == pixel;
      if (!known) seen[n++] = pixel;
    }
  return n;
}

static void write_ppm(Display *display, const char *path) {
  Window root = DefaultRootWindow(display);
  XWindowAttributes attributes;
  XGetWindowAttributes(display, root, &attributes);
  XImage *image = XGetImage(display, root, 0, 0, attributes.width, attributes.height,
                            AllPlanes, ZPixmap);
  FILE *out = fopen(path, "wb");
  if (!image || !out) {
    if (image) XDestroyImage(image);
    if (out) fclose(out);
    return;
  }
  fprintf(out, "P6\n%d %d\n255\n", image->width, image->height);
  for (int y = 0; y < image->height; y++)
    for (int x = 0; x < image->width; x++) {
      unsigned long pixel = XGetPixel(image, x, y);
      unsigned char rgb[3] = {(pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255};
      fwrite(rgb, 1, 3, out);
    }
  fclose(out);
  XDestroyImage(image);
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: window_probe TEXT MIN_COLOURS SECONDS OUT.ppm\n");
    return 2;
  }
  const char *text = argv[1];
  int wanted = atoi(argv[2]);
  double seconds = atof(argv[3]);
  if (wanted < 1 || wanted > 256) wanted = 256;
  Display *display = XOpenDisplay(NULL);
  if (!display) {
    fprintf(stderr, "window_probe: no display\n");
    return 2;
  }
  XSetErrorHandler(ignore_errors);
  double start = now_s();
  int best = 0, seen = 0;
  while (now_s() - start < seconds) {
    Window window = find(display, DefaultRootWindow(display), text);
    XWindowAttributes attributes;
    if (window && XGetWindowAttributes(display, window, &attributes)) {
      seen = 1;
      XImage *image = XGetImage(display, window, 0, 0, attributes.width, attributes.height,
                                AllPlanes, ZPixmap);
      int n = image ? colours(image, 40, wanted) : 0;
      if (image) XDestroyImage(image);
      if (n > best) best = n;
      if (n >= wanted) {
        int x = 0, y = 0;
        Window child;
        XTranslateCoordinates(display, window, DefaultRootWindow(display), 0, 0, &x, &y,
                              &child);
        write_ppm(display, argv[4]);
        printf("%d %d %d %d %d\n", x, y, attributes.width, attributes.height, n);
        return 0;
      }
    }
    usleep(100000);
  }
  write_ppm(display, argv[4]);
  if (seen)
    fprintf(stderr, "window_probe: the window titled '%s' showed at most %d colours in %.0f s\n",
            text, best, seconds);
  else
    fprintf(stderr, "window_probe: no window titled '%s' within %.0f s\n", text, seconds);
  return 1;
}
