package org.rolematch.score;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

/**
 * Binary form of {@link CompiledRole} and {@link CompiledProfile}, stored by the index as doc
 * values so that exact scoring reads flat ints, not records. Variable-length ints; sorted arrays
 * as deltas.
 *
 * <pre>{@code
 * byte[] b = CompiledCodec.encode(compiledRole);
 * CompiledRole again = new CompiledRole();
 * CompiledCodec.decode(b, 0, b.length, again);
 * }</pre>
 *
 * <p>Internal: public only so that {@code org.rolematch.index} can share it. Stateless and
 * thread-safe; a decode target is not.
 */
public final class CompiledCodec {
  private static final int VERSION = 2;

  private CompiledCodec() {}

  /** Encodes a compiled role. */
  public static byte[] encode(CompiledRole r) {
    Out o = new Out(64 + r.n * 12 + r.cStart[r.n] * 2);
    o.vint(VERSION);
    o.string(r.id);
    o.vint(r.n);
    for (int i = 0; i < r.n; i++) {
      o.vint(r.kind[i]);
      o.vint(r.importance[i]);
      o.vint(r.flags[i]);
      o.vint(r.minCount[i]);
      o.vint(r.minDegree[i] + 1);
      o.vint(r.status[i] + 1);
      o.vint(r.minYears[i]);
      o.vint(r.levelMask[i]);
      o.vint(r.cStart[i + 1] - r.cStart[i]);
      for (int j = r.cStart[i]; j < r.cStart[i + 1]; j++) {
        int c = r.concepts[j];
        if (c >= 0) {
          o.vint(c + 1);
        } else {
          o.vint(0);
          o.string(r.unknown[-c - 1]);
        }
      }
    }
    return o.bytes();
  }

  /**
   * Encodes a role's compiled form straight from the role, byte for byte {@code
   * encode(CompiledRole.compile(role, graph, ordinals))} without building the compiled role in
   * between (its dozen arrays per role were a third of compiling while indexing).
   *
   * @param ordinals as for {@link CompiledRole#compile(Role, ConceptGraph, int[])}, or null
   */
  public static byte[] encode(Role role, ConceptGraph graph, int[] ordinals) {
    List<Requirement> reqs = role.requirements();
    int listed = ordinals != null ? ordinals.length : CompiledRole.listed(role);
    Scratch scratch = SCRATCH.get();
    Out o = scratch.out;
    o.len = 0;
    o.vint(VERSION);
    o.string(role.id());
    o.vint(reqs.size());
    // a clause's distinct concepts before they are written (their count comes first): an
    // ordinal, or -(i + 1) for the unknown string at i of the clause's list
    int[] entries = scratch.entries(listed);
    int at = 0;
    for (int q = 0, nq = reqs.size(); q < nq; q++) {
      Requirement r = reqs.get(q);
      Kind k = r.kind();
      List<String> any = r.anyOf();
      long fm = CompiledRole.flagsAndMask(r);
      o.vint(k.ordinal());
      o.vint(r.importance().ordinal());
      o.vint((int) fm);
      o.vint(Math.max(1, r.minCount()));
      o.vint(r.minDegree() == null ? 0 : r.minDegree().rank() + 1);
      o.vint(r.degreeStatus() == null ? 0 : r.degreeStatus().ordinal() + 1);
      o.vint(r.minYears());
      o.vint((int) (fm >>> 32));
      int n = 0;
      if (CompiledRole.listsConcepts(k)) {
        for (int i = 0, m = any.size(); i < m; i++) {
          String a = any.get(i);
          if (CompiledRole.isMarker(k, a)) {
            continue;
          }
          int c = ordinals != null ? ordinals[at + i] : graph.ordinal(a);
          if (!holds(entries, n, c, a, any)) {
            entries[n++] = c >= 0 ? c : -(i + 1);
          }
        }
      }
      o.vint(n);
      for (int j = 0; j < n; j++) {
        int c = entries[j];
        if (c >= 0) {
          o.vint(c + 1);
        } else {
          o.vint(0);
          o.string(any.get(-c - 1));
        }
      }
      at += any.size();
    }
    byte[] out = o.bytes();
    scratch.release();
    return out;
  }

  /**
   * Each thread's buffers for encoding roles: new ones per role (zeroed, then copied out) were a
   * tenth of encoding a role's compiled form while building the index.
   */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final class Scratch {
    /** Buffers grown beyond this many bytes (a role of very many requirements) are not kept. */
    private static final int KEPT = 1 << 16;
    final Out out = new Out(1024);
    private int[] entries = new int[64];

    int[] entries(int listed) {
      if (entries.length < listed) {
        entries = new int[listed];
      }
      return entries;
    }

    void release() {
      if (out.buf.length > KEPT) {
        out.buf = new byte[1024];
      }
      if (4 * entries.length > KEPT) {
        entries = new int[64];
      }
    }
  }

  /** Whether a clause's entries so far hold this ordinal, or (-1) this unknown string. */
  private static boolean holds(int[] entries, int n, int ordinal, String id, List<String> any) {
    for (int j = 0; j < n; j++) {
      int e = entries[j];
      if (ordinal >= 0 ? e == ordinal : e < 0 && any.get(-e - 1).equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** Decodes a compiled role into a reusable instance. */
  public static void decode(byte[] b, int off, int len, CompiledRole into) {
    decode(b, off, len, into, true);
  }

  /**
   * Decodes a compiled role without materialising its id ({@code into.id()} is then the empty
   * string): for scoring many roles of which few are kept, whose ids {@link #roleId} reads.
   */
  public static void decodeWithoutId(byte[] b, int off, int len, CompiledRole into) {
    decode(b, off, len, into, false);
  }

  private static void decode(byte[] b, int off, int len, CompiledRole into, boolean withId) {
    In in = new In(b, off, len);
    check(in.vint());
    if (withId) {
      into.reset(in.string());
    } else {
      in.skipString();
      into.reset("");
    }
    int n = in.vint();
    for (int i = 0; i < n; i++) {
      // kind, importance, flags, minimum count, minimum degree and status (both stored + 1),
      // years, level mask: read in that order (arguments are evaluated left to right)
      into.addClause(in.vint(), in.vint(), in.vint(), in.vint(), in.vint() - 1, in.vint() - 1,
          in.vint(), in.vint());
      int nc = in.vint();
      for (int j = 0; j < nc; j++) {
        int c = in.vint();
        if (c > 0) {
          into.pushConcept(c - 1); // encoded from a compiled role: distinct already
        } else {
          into.addUnknown(in.string());
        }
      }
    }
  }

  /**
   * Receives the clauses of an encoded role one at a time from a {@link ClauseDecoder}, each as
   * the {@link CompiledRole} that {@link #decode} fills would hold it.
   */
  public interface ClauseVisitor {
    /**
     * Clause {@code i}: its fields as {@link CompiledRole} keeps them, and its {@code nConcepts}
     * distinct concepts, each an ordinal or {@code -(u + 1)} for {@code unknown[u]}. The arrays
     * are the decoder's, refilled for the next clause.
     */
    void clause(int i, int kind, int importance, int flags, int minCount, int minDegreeRank,
        int status, int minYears, int levelMask, int[] concepts, int nConcepts, String[] unknown);
  }

  /**
   * Decodes roles clause by clause to a visitor: for a reader of every clause of many roles (the
   * role index's structure build), which then needs no {@link CompiledRole} filled first. Reuses
   * its buffers; not thread-safe.
   */
  public static final class ClauseDecoder {
    private int[] concepts = new int[16];
    private String[] unknown = new String[2];

    /** Visits the clauses of an encoded role in order (its id is skipped). */
    public void decode(byte[] b, int off, int len, ClauseVisitor visitor) {
      In in = new In(b, off, len);
      check(in.vint());
      in.skipString();
      int n = in.vint();
      for (int i = 0; i < n; i++) {
        int kind = in.vint();
        int imp = in.vint();
        int flags = in.vint();
        int minCount = in.vint();
        int minDeg = in.vint() - 1;
        int status = in.vint() - 1;
        int years = in.vint();
        int mask = in.vint();
        int nc = in.vint();
        if (concepts.length < nc) {
          concepts = new int[Math.max(nc, 2 * concepts.length)];
        }
        int w = 0;
        int nUnknown = 0;
        for (int j = 0; j < nc; j++) {
          int c = in.vint();
          if (c > 0) {
            concepts[w++] = c - 1;
            continue;
          }
          String id = in.string();
          if (!holdsUnknown(id, nUnknown)) { // as CompiledRole.addUnknown drops a repeat
            if (nUnknown == unknown.length) {
              unknown = Arrays.copyOf(unknown, 2 * nUnknown);
            }
            unknown[nUnknown++] = id;
            concepts[w++] = -nUnknown;
          }
        }
        // the bytes a CompiledRole keeps kind, importance, minimum degree and status in
        visitor.clause(i, (byte) kind, (byte) imp, flags, Math.max(1, minCount), (byte) minDeg,
            (byte) status, years, mask, concepts, w, unknown);
      }
    }

    private boolean holdsUnknown(String id, int nUnknown) {
      for (int u = 0; u < nUnknown; u++) {
        if (unknown[u].equals(id)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Reads only the role id of an encoded compiled role. */
  public static String roleId(byte[] b, int off, int len) {
    In in = new In(b, off, len);
    check(in.vint());
    return in.string();
  }

  /** Where the UTF-8 bytes of an encoded role's id lie in {@code b}: {@code start << 32 | length}. */
  public static long roleIdBytes(byte[] b, int off, int len) {
    In in = new In(b, off, len);
    check(in.vint());
    int n = in.vint();
    return (long) in.pos << 32 | n;
  }

  /**
   * Compares the id of an encoded role with {@code other} as {@code id.compareTo(other)} would
   * (UTF-16 code units), without building the id: a role that ties the k-th score needs only this
   * to know whether it enters the top k.
   */
  public static int compareRoleId(byte[] b, int off, int len, String other) {
    In in = new In(b, off, len);
    check(in.vint());
    int n = in.vint();
    int p = in.pos;
    int end = p + n;
    int j = 0;
    while (p < end) {
      int c = b[p] & 0xff;
      int cp;
      if (c < 0x80) {
        cp = c;
        p += 1;
      } else if (c < 0xe0) {
        cp = ((c & 0x1f) << 6) | (b[p + 1] & 0x3f);
        p += 2;
      } else if (c < 0xf0) {
        cp = ((c & 0x0f) << 12) | ((b[p + 1] & 0x3f) << 6) | (b[p + 2] & 0x3f);
        p += 3;
      } else {
        cp = ((c & 0x07) << 18) | ((b[p + 1] & 0x3f) << 12) | ((b[p + 2] & 0x3f) << 6)
            | (b[p + 3] & 0x3f);
        p += 4;
      }
      int units = cp < 0x10000 ? 1 : 2;
      for (int u = 0; u < units; u++) {
        char unit = units == 1 ? (char) cp
            : u == 0 ? Character.highSurrogate(cp) : Character.lowSurrogate(cp);
        if (j == other.length()) {
          return 1;
        }
        int d = unit - other.charAt(j++);
        if (d != 0) {
          return d;
        }
      }
    }
    return j == other.length() ? 0 : -1;
  }

  /**
   * Encodes a compiled profile. The skill each own concept came from (for evidence) is written
   * last, so that forms written before it was kept still decode (without evidence links).
   */
  public static byte[] encode(CompiledProfile p) {
    Out o = new Out(64 + (p.nOwn + p.nUp) * 3);
    o.vint(VERSION);
    o.string(p.id);
    o.sorted(p.own, p.nOwn);
    for (int i = 0; i < p.nOwn; i++) {
      if (p.ownYears[i] > 0) {
        o.vint(1);
        o.dbl(p.ownYears[i]);
      } else {
        o.vint(0);
      }
    }
    o.sorted(p.up, p.nUp);
    for (int i = 0; i < p.nUp; i++) {
      o.vint(p.upVia[i]);
    }
    o.sorted(p.parentsOfOwn, p.nPar);
    o.vint(p.nUnknown);
    for (int i = 0; i < p.nUnknown; i++) {
      o.string(p.unknown[i]);
    }
    o.vint(p.nDeg);
    for (int i = 0; i < p.nDeg; i++) {
      o.vint(p.degLevel[i]);
      o.vint(p.degStatus[i]);
      o.vint(p.degField[i] + 2);
      o.string(p.degFieldText[i]);
    }
    o.dbl(p.years);
    o.vint(p.publications);
    o.vint(p.internships);
    o.sorted(p.internUp, p.nInternUp);
    o.vint(p.internUntyped);
    o.sorted(p.places, p.nPlaces);
    o.sorted(p.placeParents, p.nPlaceParents);
    o.vint((p.hasLocation ? 1 : 0) | (p.hasAuthorization ? 2 : 0));
    for (int i = 0; i < p.nOwn; i++) {
      o.vint(i < p.ownSkill.length ? p.ownSkill[i] + 1 : 0);
    }
    return o.bytes();
  }

  /** Decodes a compiled profile into a reusable instance. */
  public static void decode(byte[] b, int off, int len, CompiledProfile p) {
    In in = new In(b, off, len);
    check(in.vint());
    p.id = in.string();
    p.nOwn = in.vint();
    p.own = in.sorted(p.own, p.nOwn);
    if (p.ownYears.length < p.nOwn) {
      p.ownYears = new double[p.nOwn];
    }
    if (p.ownSkill.length < p.nOwn) {
      p.ownSkill = new int[p.nOwn];
    }
    for (int i = 0; i < p.nOwn; i++) {
      p.ownYears[i] = in.vint() == 1 ? in.dbl() : 0;
      p.ownSkill[i] = -1;
    }
    p.nUp = in.vint();
    p.up = in.sorted(p.up, p.nUp);
    if (p.upVia.length < p.nUp) {
      p.upVia = new int[p.nUp];
    }
    for (int i = 0; i < p.nUp; i++) {
      p.upVia[i] = in.vint();
    }
    p.nPar = in.vint();
    p.parentsOfOwn = in.sorted(p.parentsOfOwn, p.nPar);
    p.nUnknown = in.vint();
    if (p.unknown.length < p.nUnknown) {
      p.unknown = new String[p.nUnknown];
    }
    for (int i = 0; i < p.nUnknown; i++) {
      p.unknown[i] = in.string();
    }
    p.nDeg = in.vint();
    if (p.degLevel.length < p.nDeg) {
      p.degLevel = new byte[p.nDeg];
      p.degStatus = new byte[p.nDeg];
      p.degField = new int[p.nDeg];
      p.degFieldText = new String[p.nDeg];
    }
    for (int i = 0; i < p.nDeg; i++) {
      p.degLevel[i] = (byte) in.vint();
      p.degStatus[i] = (byte) in.vint();
      p.degField[i] = in.vint() - 2;
      p.degFieldText[i] = in.string();
    }
    p.years = in.dbl();
    p.publications = in.vint();
    p.internships = in.vint();
    p.nInternUp = in.vint();
    p.internUp = in.sorted(p.internUp, p.nInternUp);
    p.internUntyped = in.vint();
    p.nPlaces = in.vint();
    p.places = in.sorted(p.places, p.nPlaces);
    p.nPlaceParents = in.vint();
    p.placeParents = in.sorted(p.placeParents, p.nPlaceParents);
    int fl = in.vint();
    p.hasLocation = (fl & 1) != 0;
    p.hasAuthorization = (fl & 2) != 0;
    if (in.pos < in.end) {
      for (int i = 0; i < p.nOwn; i++) {
        p.ownSkill[i] = in.vint() - 1;
      }
    }
    p.indexBits();
  }

  private static void check(int version) {
    if (version != VERSION) {
      throw new IllegalStateException("compiled form version " + version + " is not supported "
          + "(expected " + VERSION + "); rebuild the index");
    }
  }

  private static final class Out {
    byte[] buf;
    int len;

    Out(int cap) {
      buf = new byte[Math.max(16, cap)];
    }

    void ensure(int extra) {
      if (len + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
      }
    }

    void vint(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        buf[len++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[len++] = (byte) v;
    }

    void dbl(double d) {
      long l = Double.doubleToRawLongBits(d);
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[len++] = (byte) (l >>> (i * 8));
      }
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      vint(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }

    void sorted(int[] a, int n) {
      vint(n);
      int prev = 0;
      for (int i = 0; i < n; i++) {
        vint(a[i] - prev);
        prev = a[i];
      }
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, len);
    }
  }

  private static final class In {
    final byte[] b;
    int pos;
    final int end;

    In(byte[] b, int off, int len) {
      this.b = b;
      this.pos = off;
      this.end = off + len;
    }

    int vint() {
      if (pos < end && b[pos] >= 0) { // most values are below 128: one byte
        return b[pos++];
      }
      int v = 0;
      int shift = 0;
      while (true) {
        if (pos >= end) {
          throw new IllegalStateException("truncated compiled form");
        }
        byte x = b[pos++];
        v |= (x & 0x7F) << shift;
        if (x >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    double dbl() {
      long l = 0;
      for (int i = 0; i < 8; i++) {
        l |= (b[pos++] & 0xFFL) << (i * 8);
      }
      return Double.longBitsToDouble(l);
    }

    void skipString() {
      int n = vint(); // (not pos += vint(): that would add to pos as it was before the vint)
      pos += n;
    }

    String string() {
      int n = vint();
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    int[] sorted(int[] into, int n) {
      int[] a = into.length >= n ? into : new int[n];
      int prev = 0;
      for (int i = 0; i < n; i++) {
        prev += vint();
        a[i] = prev;
      }
      return a;
    }
  }
}
