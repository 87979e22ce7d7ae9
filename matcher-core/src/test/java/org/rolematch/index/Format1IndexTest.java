package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledCodec;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.Fixtures;
import org.rolematch.score.MatchResult;
import org.rolematch.score.ScoringPolicy;
import org.rolematch.taxonomy.Taxonomy;

/**
 * An index written in format 1 (each role whole in a stored field) is read, searched, added to
 * and reopened; roles added since are kept as format 2 (the source text alone stored).
 */
class Format1IndexTest {
  private final Taxonomy taxonomy = Fixtures.anyTaxonomy();
  private final ClauseEvaluator eval = ClauseEvaluator.of(taxonomy, ScoringPolicy.defaults());
  private final Fixtures.RandomData data = new Fixtures.RandomData(taxonomy, 5);

  @TempDir Path dir;

  @Test
  void aFormat1IndexIsReadAndExtended() throws IOException {
    Map<String, Role> expected = new TreeMap<>();
    List<Role> old = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      old.add(withText(data.role("old-" + i), i % 3 == 0 ? "" : "Posting text " + i + "."));
    }
    writeFormat1(old);
    old.forEach(r -> expected.put(r.id(), r));
    try (RoleIndex index = RoleIndex.open(dir, eval)) {
      assertSame(index, expected);
      List<Role> added = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        added.add(withText(data.role("new-" + i), i % 2 == 0 ? "" : "New text " + i + "."));
      }
      added.add(withText(data.role("old-7"), "Replaced text.")); // replaces a format-1 role
      index.addAll(added);
      index.delete("old-8");
      added.forEach(r -> expected.put(r.id(), r));
      expected.remove("old-8");
      assertSame(index, expected);
    }
    try (RoleIndex index = RoleIndex.open(dir, eval)) {
      assertSame(index, expected);
    }
    try (Directory d = FSDirectory.open(dir)) {
      assertEquals(IndexFields.FORMAT,
          SegmentInfos.readLatestCommit(d).getUserData().get(IndexFields.COMMIT_FORMAT));
    }
  }

  /** Every role whole by id and in the list of all, and rankings as exhaustive scoring's. */
  private void assertSame(RoleIndex index, Map<String, Role> expected) throws IOException {
    Map<String, Role> all = new TreeMap<>();
    for (Role r : index.roles()) {
      all.put(r.id(), r);
    }
    assertEquals(expected, all);
    for (Role r : expected.values()) {
      assertEquals(r, index.get(r.id()).orElseThrow());
    }
    for (int q = 0; q < 5; q++) {
      CandidateProfile p = data.profile("p" + q);
      List<Reference.Hit> got = new ArrayList<>();
      for (MatchResult m : index.rankRoles(p, 10, RoleIndex.ALL)) {
        got.add(new Reference.Hit(m.roleId(), m.score()));
      }
      assertEquals(Reference.rankRoles(eval, expected, p, 10, r -> true), got);
      List<Reference.Hit> filtered = new ArrayList<>();
      for (MatchResult m : index.rankRoles(p, 10, r -> !r.sourceText().isEmpty())) {
        filtered.add(new Reference.Hit(m.roleId(), m.score()));
      }
      assertEquals(Reference.rankRoles(eval, expected, p, 10, r -> !r.sourceText().isEmpty()),
          filtered, "a filter sees each role whole");
    }
  }

  /** Writes the roles as format 1 did: the whole record stored, the rest as now. */
  private void writeFormat1(List<Role> roles) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new KeywordAnalyzer()))) {
      for (Role r : roles) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, r.id(), Field.Store.NO));
        doc.add(new StringField(IndexFields.EMPLOYMENT_TYPE, r.employmentType().wireName(),
            Field.Store.NO));
        doc.add(new StoredField(IndexFields.RECORD, RecordCodec.encode(r, true)));
        doc.add(new BinaryDocValuesField(IndexFields.RECORD_DV,
            new BytesRef(RecordCodec.encode(r, false))));
        doc.add(new BinaryDocValuesField(IndexFields.COMPILED,
            new BytesRef(CompiledCodec.encode(CompiledRole.compile(r, eval.graph())))));
        w.addDocument(doc);
      }
      w.setLiveCommitData(Map.of(
          IndexFields.COMMIT_TAXONOMY, Long.toHexString(eval.graph().fingerprint()),
          IndexFields.COMMIT_FORMAT, "1").entrySet());
      w.commit();
    }
  }

  private static Role withText(Role r, String text) {
    return new Role(r.id(), r.title(), r.organisation(), r.employmentType(),
        r.locationConstraints(), r.salary(), r.requirements(), text);
  }
}
