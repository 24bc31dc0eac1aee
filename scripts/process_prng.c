/* A stand-in bcryptprimitives.dll for Wine 8.0, which lacks it: Rust's standard library takes
 * its random bytes (HashMap keys) from ProcessPrng there, so without it the exes do not start
 * under Wine. Windows 10 and later have the real one; this is only for scripts/wine_smoke.sh.
 * It fills the buffer from RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 * Build (64- and 32-bit; --kill-at exports the undecorated name the exes import):
 *   x86_64-w64-mingw32-gcc -O2 -shared -Wl,--kill-at -o bcryptprimitives.dll \
 *     scripts/process_prng.c -ladvapi32
 *   i686-w64-mingw32-gcc (same arguments) */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
