package org.rolematch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.util.UnicodeUtil;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Degree;
import org.rolematch.model.DegreeLevel;
import org.rolematch.model.DegreeStatus;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Evidence;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Position;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;
import org.rolematch.model.SalaryRange;
import org.rolematch.model.Skill;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;

/**
 * Binary form of {@link Role} and {@link CandidateProfile} records, for stored fields and doc
 * values: every field of the record, so that a reopened index rebuilds them exactly. Versioned.
 */
final class RecordCodec {
  // enum tables read by ordinal (values() copies the array on every call)
  private static final EmploymentType[] EMPLOYMENT_TYPES = EmploymentType.values();
  private static final Kind[] KINDS = Kind.values();
  private static final Importance[] IMPORTANCES = Importance.values();
  private static final DegreeStatus[] DEGREE_STATUSES = DegreeStatus.values();
  private static final Position.PositionType[] POSITION_TYPES = Position.PositionType.values();

  private static final int ROLE_VERSION = 1;
  private static final int PROFILE_VERSION = 1;
  private static final DegreeLevel[] LEVELS = DegreeLevel.values();

  private RecordCodec() {}

  /**
   * A role's record; without its source text, the final string is empty (what the index keeps
   * in doc values, the source text apart).
   */
  static byte[] encode(Role r, boolean withSource) {
    return encode(r, withSource, null, null);
  }

  /**
   * The concept ids of a taxonomy as {@link Out#string} writes them (length and UTF-8 bytes),
   * by ordinal: a role's listed concepts are mostly taxonomy ids, and copying their bytes costs a
   * third of writing them char by char. Immutable and thread-safe.
   */
  static final class ConceptIds {
    final ConceptGraph graph;
    private final byte[][] encoded;

    ConceptIds(ConceptGraph graph) {
      this.graph = graph;
      encoded = new byte[graph.size()][];
      for (int i = 0; i < encoded.length; i++) {
        Out o = new Out(16);
        o.string(graph.id(i));
        encoded[i] = o.copy();
      }
    }
  }

  /**
   * A role's record, byte for byte as {@link #encode(Role, boolean)} writes it, in the same pass
   * giving the taxonomy ordinal of every string its requirements list, in order, into {@code
   * ordinals} (-1 for one the taxonomy does not know; as many as {@link
   * CompiledRole#listed(Role)}): what {@link CompiledRole#compile(Role, ConceptGraph, int[])}
   * needs, so a role's ids are looked up once. With {@code ids} null, no ordinals are written.
   */
  static byte[] encode(Role r, boolean withSource, ConceptIds ids, int[] ordinals) {
    Out o = Out.scratch();
    o.vint(ROLE_VERSION);
    o.string(r.id());
    o.string(r.title());
    o.string(r.organisation());
    o.vint(r.employmentType().ordinal());
    strings(o, r.locationConstraints());
    if (r.salary().isPresent()) {
      SalaryRange s = r.salary().get();
      o.writeByte(1);
      o.longLe(Double.doubleToRawLongBits(s.min()));
      o.longLe(Double.doubleToRawLongBits(s.max()));
      o.string(s.currency());
      o.string(s.period());
    } else {
      o.writeByte(0);
    }
    List<Requirement> reqs = r.requirements();
    o.vint(reqs.size());
    int listed = 0;
    for (int k = 0, n = reqs.size(); k < n; k++) {
      Requirement q = reqs.get(k);
      o.string(q.id());
      o.vint(q.kind().ordinal());
      o.vint(q.importance().ordinal());
      if (ids == null) {
        strings(o, q.anyOf());
      } else {
        List<String> any = q.anyOf();
        o.vint(any.size());
        for (int i = 0, m = any.size(); i < m; i++) {
          String a = any.get(i);
          int ordinal = ids.graph.ordinal(a);
          ordinals[listed++] = ordinal;
          if (ordinal >= 0) {
            o.bytes(ids.encoded[ordinal]);
          } else {
            o.string(a);
          }
        }
      }
      o.vint(q.minCount());
      o.vint(q.minDegree() == null ? 0 : q.minDegree().ordinal() + 1);
      o.vint(q.degreeStatus() == null ? 0 : q.degreeStatus().ordinal() + 1);
      o.vint(q.minYears());
      o.writeByte(q.hard() ? 1 : 0);
      evidence(o, q.evidence());
    }
    o.string(withSource ? r.sourceText() : "");
    return o.copyAndRelease();
  }

  static Role decodeRole(byte[] b, int off, int len) {
    return decodeRole(b, off, len, null);
  }

  /**
   * Decodes a role record; a non-null {@code source} is its source text instead of the one in
   * the record (a record kept without it has an empty one).
   */
  static Role decodeRole(byte[] b, int off, int len, String source) {
    try {
      DataInput in = new ByteArrayDataInput(b, off, len);
      int v = in.readVInt();
      if (v != ROLE_VERSION) {
        throw new IllegalStateException("stored role format " + v + " is not supported");
      }
      String id = in.readString();
      String title = in.readString();
      String org = in.readString();
      EmploymentType type = EMPLOYMENT_TYPES[in.readVInt()];
      List<String> loc = strings(in);
      Optional<SalaryRange> salary = Optional.empty();
      if (in.readByte() == 1) {
        double min = Double.longBitsToDouble(in.readLong());
        double max = Double.longBitsToDouble(in.readLong());
        salary = Optional.of(new SalaryRange(min, max, in.readString(), in.readString()));
      }
      int n = in.readVInt();
      List<Requirement> reqs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String rid = in.readString();
        Kind kind = KINDS[in.readVInt()];
        Importance imp = IMPORTANCES[in.readVInt()];
        List<String> any = strings(in);
        int minCount = in.readVInt();
        int md = in.readVInt();
        int st = in.readVInt();
        int years = in.readVInt();
        boolean hard = in.readByte() == 1;
        Evidence ev = evidence(in);
        reqs.add(new Requirement(rid, kind, imp, any, minCount, md == 0 ? null : LEVELS[md - 1],
            st == 0 ? null : DEGREE_STATUSES[st - 1], years, hard, ev));
      }
      String text = in.readString();
      return new Role(id, title, org, type, loc, salary, reqs, source != null ? source : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encode(CandidateProfile p) {
    Out o = new Out(256 + 48 * p.skills().size());
    o.vint(PROFILE_VERSION);
    o.string(p.id());
    o.vint(p.degrees().size());
    for (Degree d : p.degrees()) {
      o.vint(d.level().ordinal());
      o.string(d.field());
      o.vint(d.status().ordinal());
      o.vint(d.endYear().isPresent() ? d.endYear().getAsInt() + 1 : 0);
      evidence(o, d.evidence());
    }
    o.vint(p.positions().size());
    for (Position x : p.positions()) {
      o.string(x.title());
      o.string(x.organisation());
      o.vint(x.start().getYear());
      o.vint(x.start().getMonthValue());
      if (x.end().isPresent()) {
        o.writeByte(1);
        o.vint(x.end().get().getYear());
        o.vint(x.end().get().getMonthValue());
      } else {
        o.writeByte(0);
      }
      o.vint(x.type().ordinal());
      evidence(o, x.evidence());
    }
    o.longLe(Double.doubleToRawLongBits(p.yearsExperience()));
    o.vint(p.internships());
    o.vint(p.publications());
    strings(o, p.publicationVenues());
    o.vint(p.skills().size());
    for (Skill s : p.skills()) {
      o.string(s.concept());
      o.vint(s.kind().ordinal());
      o.longLe(Double.doubleToRawLongBits(s.years()));
      evidence(o, s.evidence());
    }
    o.writeByte(p.location().isPresent() ? 1 : 0);
    if (p.location().isPresent()) {
      o.string(p.location().get());
    }
    strings(o, p.workAuthorizations());
    return o.copy();
  }

  static CandidateProfile decodeProfile(byte[] b, int off, int len) {
    try {
      DataInput in = new ByteArrayDataInput(b, off, len);
      int v = in.readVInt();
      if (v != PROFILE_VERSION) {
        throw new IllegalStateException("stored profile format " + v + " is not supported");
      }
      String id = in.readString();
      int nd = in.readVInt();
      List<Degree> degrees = new ArrayList<>(nd);
      for (int i = 0; i < nd; i++) {
        DegreeLevel level = LEVELS[in.readVInt()];
        String field = in.readString();
        DegreeStatus st = DEGREE_STATUSES[in.readVInt()];
        int ey = in.readVInt();
        degrees.add(new Degree(level, field, st, ey == 0 ? OptionalInt.empty()
            : OptionalInt.of(ey - 1), evidence(in)));
      }
      int np = in.readVInt();
      List<Position> positions = new ArrayList<>(np);
      for (int i = 0; i < np; i++) {
        String title = in.readString();
        String org = in.readString();
        YearMonth start = YearMonth.of(in.readVInt(), in.readVInt());
        Optional<YearMonth> end = in.readByte() == 1
            ? Optional.of(YearMonth.of(in.readVInt(), in.readVInt())) : Optional.empty();
        Position.PositionType type = POSITION_TYPES[in.readVInt()];
        positions.add(new Position(title, org, start, end, type, evidence(in)));
      }
      double years = Double.longBitsToDouble(in.readLong());
      int internships = in.readVInt();
      int publications = in.readVInt();
      List<String> venues = strings(in);
      int ns = in.readVInt();
      List<Skill> skills = new ArrayList<>(ns);
      for (int i = 0; i < ns; i++) {
        String concept = in.readString();
        Kind kind = KINDS[in.readVInt()];
        double y = Double.longBitsToDouble(in.readLong());
        skills.add(new Skill(concept, kind, y, evidence(in)));
      }
      Optional<String> location = in.readByte() == 1 ? Optional.of(in.readString())
          : Optional.empty();
      List<String> auth = strings(in);
      return new CandidateProfile(id, degrees, positions, years, internships, publications,
          venues, skills, location, auth);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void strings(Out o, List<String> s) {
    o.vint(s.size());
    for (int i = 0, n = s.size(); i < n; i++) {
      o.string(s.get(i));
    }
  }

  private static List<String> strings(DataInput in) throws IOException {
    int n = in.readVInt();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(in.readString());
    }
    return out;
  }

  private static void evidence(Out o, Evidence e) {
    o.string(e.text());
    o.vint(e.start() + 1);
    o.vint(e.end() + 1);
  }

  private static Evidence evidence(DataInput in) throws IOException {
    String text = in.readString();
    int start = in.readVInt() - 1;
    int end = in.readVInt() - 1;
    if (text.isEmpty() && start < 0) {
      return Evidence.NONE;
    }
    return new Evidence(text, start, end);
  }

  /**
   * A growable byte array writing what Lucene's {@code DataOutput} writes, byte for byte
   * (variable-length ints, little-endian longs, strings as a length and their UTF-8 bytes), so
   * records read back with a {@code DataInput}; without Lucene's per-string buffer wrapping,
   * which made half of encoding a role.
   */
  static final class Out {
    /**
     * Each thread's buffer for encoding roles: a new one per role (zeroed, then copied out) was
     * a fifth of encoding a role's record while building the index.
     */
    private static final ThreadLocal<Out> SCRATCH = ThreadLocal.withInitial(() -> new Out(4096));
    /** A scratch buffer grown beyond this (a role of very many requirements) is not kept. */
    private static final int SCRATCH_KEPT = 1 << 16;

    private byte[] buf;
    private int len;

    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    /** This thread's empty scratch buffer; {@link #copyAndRelease} ends its use. */
    static Out scratch() {
      Out o = SCRATCH.get();
      o.len = 0;
      return o;
    }

    private void ensure(int extra) {
      if (len + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + extra));
      }
    }

    void writeByte(int b) {
      ensure(1);
      buf[len++] = (byte) b;
    }

    void vint(int v) {
      ensure(5);
      while ((v & ~0x7F) != 0) {
        buf[len++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[len++] = (byte) v;
    }

    /** Bytes written before (an encoded string). */
    void bytes(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }

    void longLe(long v) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[len++] = (byte) (v >>> (8 * i));
      }
    }

    /**
     * The string's UTF-8 length as a vint, then its bytes. ASCII text is written char by char;
     * at the first other char the string is written again by Lucene's encoder (which writes an
     * unpaired surrogate as U+FFFD).
     */
    void string(String s) {
      int n = s.length();
      ensure(5 + n);
      int start = len;
      vint(n);
      byte[] b = buf;
      int at = len;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          len = start;
          unicode(s);
          return;
        }
        b[at++] = (byte) c;
      }
      len = at;
    }

    private void unicode(String s) {
      int n = UnicodeUtil.calcUTF16toUTF8Length(s, 0, s.length());
      vint(n);
      ensure(n);
      len = UnicodeUtil.UTF16toUTF8(s, 0, s.length(), buf, len);
    }

    /** A copy of the bytes written so far. */
    byte[] copy() {
      return Arrays.copyOf(buf, len);
    }

    /** A copy of the bytes of a {@link #scratch} buffer, which drops a grown array after. */
    byte[] copyAndRelease() {
      byte[] out = Arrays.copyOf(buf, len);
      if (buf.length > SCRATCH_KEPT) {
        buf = new byte[4096];
      }
      return out;
    }
  }
}
