package org.rolematch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
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

  static byte[] encode(Role r, boolean withSource) {
    return encodeBoth(r, withSource)[withSource ? 1 : 0];
  }

  /**
   * A role's record without and with its source text ({@code [0]}, {@code [1]}): the two differ
   * only in the final string, so the rest is encoded once. {@code both} false: {@code [1]} is
   * null.
   */
  static byte[][] encodeBoth(Role r, boolean both) {
    try {
      ByteBuffersDataOutput o = new ByteBuffersDataOutput(256);
      o.writeVInt(ROLE_VERSION);
      o.writeString(r.id());
      o.writeString(r.title());
      o.writeString(r.organisation());
      o.writeVInt(r.employmentType().ordinal());
      strings(o, r.locationConstraints());
      if (r.salary().isPresent()) {
        SalaryRange s = r.salary().get();
        o.writeByte((byte) 1);
        o.writeLong(Double.doubleToRawLongBits(s.min()));
        o.writeLong(Double.doubleToRawLongBits(s.max()));
        o.writeString(s.currency());
        o.writeString(s.period());
      } else {
        o.writeByte((byte) 0);
      }
      o.writeVInt(r.requirements().size());
      for (Requirement q : r.requirements()) {
        o.writeString(q.id());
        o.writeVInt(q.kind().ordinal());
        o.writeVInt(q.importance().ordinal());
        strings(o, q.anyOf());
        o.writeVInt(q.minCount());
        o.writeVInt(q.minDegree() == null ? 0 : q.minDegree().ordinal() + 1);
        o.writeVInt(q.degreeStatus() == null ? 0 : q.degreeStatus().ordinal() + 1);
        o.writeVInt(q.minYears());
        o.writeByte((byte) (q.hard() ? 1 : 0));
        evidence(o, q.evidence());
      }
      byte[] prefix = o.toArrayCopy();
      byte[] without = java.util.Arrays.copyOf(prefix, prefix.length + 1); // + writeString("")
      if (!both) {
        return new byte[][] {without, null};
      }
      o.writeString(r.sourceText());
      return new byte[][] {without, o.toArrayCopy()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Role decodeRole(byte[] b, int off, int len) {
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
      String source = in.readString();
      return new Role(id, title, org, type, loc, salary, reqs, source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encode(CandidateProfile p) {
    try {
      ByteBuffersDataOutput o = new ByteBuffersDataOutput(256);
      o.writeVInt(PROFILE_VERSION);
      o.writeString(p.id());
      o.writeVInt(p.degrees().size());
      for (Degree d : p.degrees()) {
        o.writeVInt(d.level().ordinal());
        o.writeString(d.field());
        o.writeVInt(d.status().ordinal());
        o.writeVInt(d.endYear().isPresent() ? d.endYear().getAsInt() + 1 : 0);
        evidence(o, d.evidence());
      }
      o.writeVInt(p.positions().size());
      for (Position x : p.positions()) {
        o.writeString(x.title());
        o.writeString(x.organisation());
        o.writeVInt(x.start().getYear());
        o.writeVInt(x.start().getMonthValue());
        if (x.end().isPresent()) {
          o.writeByte((byte) 1);
          o.writeVInt(x.end().get().getYear());
          o.writeVInt(x.end().get().getMonthValue());
        } else {
          o.writeByte((byte) 0);
        }
        o.writeVInt(x.type().ordinal());
        evidence(o, x.evidence());
      }
      o.writeLong(Double.doubleToRawLongBits(p.yearsExperience()));
      o.writeVInt(p.internships());
      o.writeVInt(p.publications());
      strings(o, p.publicationVenues());
      o.writeVInt(p.skills().size());
      for (Skill s : p.skills()) {
        o.writeString(s.concept());
        o.writeVInt(s.kind().ordinal());
        o.writeLong(Double.doubleToRawLongBits(s.years()));
        evidence(o, s.evidence());
      }
      o.writeByte((byte) (p.location().isPresent() ? 1 : 0));
      if (p.location().isPresent()) {
        o.writeString(p.location().get());
      }
      strings(o, p.workAuthorizations());
      return o.toArrayCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static void strings(DataOutput o, List<String> s) throws IOException {
    o.writeVInt(s.size());
    for (String x : s) {
      o.writeString(x);
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

  private static void evidence(DataOutput o, Evidence e) throws IOException {
    o.writeString(e.text());
    o.writeVInt(e.start() + 1);
    o.writeVInt(e.end() + 1);
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
}
