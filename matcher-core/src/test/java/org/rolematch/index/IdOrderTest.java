package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Importance;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledCodec;
import org.rolematch.score.Fixtures;
import org.rolematch.score.ScoringPolicy;

/**
 * Ties at the top score go to the smaller id, so the search takes the roles that may score 100 in
 * id order a block of docs at a time ({@link RoleSegment#blockMinRank}, {@link IdOrder}), which
 * is the ids' order when they were added in runs, and drops every role of a greater id than the
 * k-th once the k-th score is 100 ({@link RoleSegment#idRank}, {@link RoleSegment#rankLimit}):
 * whatever order the ids were added in, including ids that sort differently as UTF-16 and as
 * bytes.
 */
class IdOrderTest {
  private static final ClauseEvaluator EVAL =
      ClauseEvaluator.of(Fixtures.smallTaxonomy(), ScoringPolicy.defaults());
  /** Holds python and sql: the tie roles score 100, the others miss go. */
  private static final CandidateProfile PROFILE =
      Fixtures.profile("p").skill("python").skill("sql").build();

  /** Distinct ids in random order: ASCII, Latin-1, CJK and supplementary characters mixed. */
  private static List<String> ids(Random rnd, int n) {
    String[] parts = {"a", "b", "Z", "0", "9", "-", "é", "ß", "中", "\uD835\uDCB3", "\uFF21"};
    Set<String> out = new HashSet<>();
    while (out.size() < n) {
      StringBuilder b = new StringBuilder();
      for (int i = 1 + rnd.nextInt(6); i > 0; i--) {
        b.append(parts[rnd.nextInt(parts.length)]);
      }
      out.add(b.toString());
    }
    List<String> list = new ArrayList<>(out);
    Collections.sort(list); // then shuffled with the seed: the same order every run
    Collections.shuffle(list, rnd);
    return list;
  }

  private static Role tie(String id) {
    return Fixtures.role(id, Fixtures.req("l", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED,
        "python"), Fixtures.req("d", Kind.DATA_TECHNOLOGY, Importance.PREFERRED, "sql"));
  }

  private static Role miss(String id) {
    return Fixtures.role(id, Fixtures.req("l", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED,
        "go"), Fixtures.req("m", Kind.PROGRAMMING_LANGUAGE, Importance.REQUIRED, "python"));
  }

  /** Half the ids tie at 100, half miss a required language. */
  private static Map<String, Role> roles(List<String> ids) {
    Map<String, Role> roles = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      roles.put(ids.get(i), i % 2 == 0 ? tie(ids.get(i)) : miss(ids.get(i)));
    }
    return roles;
  }

  private static String id(LeafReader leaf, int doc) throws Exception {
    BinaryDocValues dv = leaf.getBinaryDocValues(IndexFields.COMPILED);
    assertTrue(dv.advanceExact(doc));
    BytesRef b = dv.binaryValue();
    return CompiledCodec.roleId(b.bytes, b.offset, b.length);
  }

  @Test
  void ranksSamplesAndLimitsFollowTheIds() throws Exception {
    Random rnd = new Random(11);
    List<String> ids = ids(rnd, 700);
    try (RoleIndex index = RoleIndex.open(null, EVAL)) {
      index.addAll(roles(ids).values());
      index.addAll(List.of(tie(ids.get(3)), tie(ids.get(8)))); // a deleted older version each
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        LeafReader leaf = snap.searcher.getIndexReader().leaves().get(0).reader();
        RoleSegment seg = index.segment(leaf);
        int n = leaf.maxDoc();
        String[] byRank = new String[n];
        for (int d = 0; d < n; d++) {
          int r = seg.idRank[d];
          assertTrue(r >= 0 && r < n && byRank[r] == null, "doc " + d + " has its own rank " + r);
          byRank[r] = id(leaf, d);
        }
        for (int r = 1; r < n; r++) {
          assertTrue(byRank[r - 1].compareTo(byRank[r]) <= 0, "rank " + r + " in id order");
        }
        for (int d = 0; d < n; d++) {
          int least = Integer.MAX_VALUE;
          for (int e = d & -128; e < Math.min(n, (d & -128) + 128); e++) {
            least = Math.min(least, seg.idRank[e]);
          }
          assertEquals(least, seg.blockMinRank[d >> 7], "least rank of the block of doc " + d);
        }
        assertEquals((n + 63) / 64, seg.idSample.length);
        for (int j = 0; j < seg.idSample.length; j++) {
          assertEquals(byRank[j * 64], seg.idSample[j], "sample " + j);
        }
        // probes: every id, and strings between and around them
        List<String> probes = new ArrayList<>(ids);
        for (String id : ids.subList(0, 200)) {
          probes.add(id + "a");
          probes.add(id.substring(0, id.length() - 1));
        }
        probes.add("");
        probes.add("\uFFFF");
        for (String x : probes) {
          int limit = seg.rankLimit(x);
          int atMost = 0; // ranks of ids at most x
          while (atMost < n && byRank[atMost].compareTo(x) <= 0) {
            atMost++;
          }
          // sound: no rank at or above the limit holds an id at most x; tight to a sample
          assertTrue(limit >= atMost, "limit " + limit + " for '" + x + "' cuts rank "
              + (atMost - 1) + " of id '" + (atMost > 0 ? byRank[atMost - 1] : "") + "'");
          if (limit != Integer.MAX_VALUE) {
            assertTrue(limit - atMost < 64, "limit " + limit + " for '" + x + "' is loose");
          } else {
            assertTrue(atMost > (seg.idSample.length - 1) * 64, "no limit for '" + x + "'");
          }
        }
      }
    }
  }

  @Test
  void pendingRolesComeOutInIdOrder() throws Exception {
    Random rnd = new Random(5);
    List<String> ids = ids(rnd, 2000);
    try (RoleIndex index = RoleIndex.open(null, EVAL, 150)) {
      List<Role> all = new ArrayList<>(roles(ids).values());
      for (int i = 0; i < all.size(); i += 150) {
        index.addAll(all.subList(i, Math.min(all.size(), i + 150)));
      }
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        IndexReader reader = snap.searcher.getIndexReader();
        int nLeaves = reader.leaves().size();
        assertTrue(nLeaves > 3, "several segments: " + nLeaves);
        RoleSegment[] segs = new RoleSegment[nLeaves];
        RoleIndex.Scratch sc = new RoleIndex.Scratch();
        sc.ensure(reader.maxDoc(), nLeaves);
        String[] blockLeast = new String[reader.maxDoc()]; // the least id of the doc's block
        for (int li = 0; li < nLeaves; li++) {
          LeafReader leaf = reader.leaves().get(li).reader();
          segs[li] = index.segment(leaf);
          sc.bases[li] = reader.leaves().get(li).docBase;
          String[] idOf = new String[leaf.maxDoc()];
          for (int d = 0; d < leaf.maxDoc(); d++) {
            idOf[d] = id(leaf, d);
          }
          for (int d = 0; d < leaf.maxDoc(); d++) {
            String least = null;
            for (int e = d & -128; e < Math.min(leaf.maxDoc(), (d & -128) + 128); e++) {
              least = least == null || idOf[e].compareTo(least) < 0 ? idOf[e] : least;
            }
            blockLeast[sc.bases[li] + d] = least;
          }
        }
        sc.ids = index.idOrder(reader, segs, nLeaves);
        for (int np : new int[] {1, 37, 255, 256, 900, reader.maxDoc()}) {
          List<Integer> docs = new ArrayList<>();
          for (int d = 0; d < reader.maxDoc(); d++) {
            docs.add(d);
          }
          Collections.shuffle(docs, rnd);
          for (int i = 0; i < np; i++) {
            sc.pend(i, docs.get(i));
          }
          assertEquals(np, sc.sortPendingById(np, segs, nLeaves, reader.maxDoc()),
              "none dropped of " + np);
          int[] out = Arrays.copyOf(sc.pending, np);
          int[] want = docs.subList(0, np).stream().mapToInt(Integer::intValue).sorted().toArray();
          int[] got = out.clone();
          Arrays.sort(got);
          assertTrue(Arrays.equals(want, got), "the same docs, each once, of " + np);
          for (int i = 1; i < np; i++) {
            int a = out[i - 1];
            int b = out[i];
            int la = leafOf(a, sc.bases, nLeaves);
            int lb = leafOf(b, sc.bases, nLeaves);
            boolean sameBlock = la == lb && (a - sc.bases[la]) >> 7 == (b - sc.bases[lb]) >> 7;
            if (sameBlock) {
              assertTrue(a < b, np + ": doc order within a block at " + i);
            } else if (la == lb) { // blocks of a segment by their least id
              assertTrue(blockLeast[a].compareTo(blockLeast[b]) < 0, np + ": blocks at " + i);
            } else { // across segments, to the 64 ranks of the least id's sample
              assertTrue(sc.ids.key(la, segs[la].blockMinRank[(a - sc.bases[la]) >> 7]) >> 6
                  <= sc.ids.key(lb, segs[lb].blockMinRank[(b - sc.bases[lb]) >> 7]) >> 6,
                  np + ": segments' blocks at " + i);
            }
          }
        }
      }
    }
  }

  @Test
  void tiesAtOneHundredAreScoredInIdOrder() throws Exception {
    // numbered ids added in runs of 256 in shuffled order, as Lucene's merges leave runs
    List<Integer> runs = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.shuffle(runs, new Random(7));
    List<String> ids = new ArrayList<>();
    for (int run : runs) {
      for (int i = 0; i < 256; i++) {
        ids.add(String.format(java.util.Locale.ROOT, "role-%05d", run * 256 + i));
      }
    }
    Map<String, Role> roles = roles(ids);
    try (RoleIndex index = RoleIndex.open(null, EVAL)) {
      index.addAll(roles.values()); // one segment
      try (RoleIndex.Snapshot snap = index.snapshot()) {
        assertEquals(1, snap.searcher.getIndexReader().leaves().size());
        for (int k : new int[] {1, 7, 20, 60}) {
          RoleIndexExactnessTest.assertSame(Reference.rankRoles(EVAL, roles, PROFILE, k,
              RoleIndex.ALL), snap.rankRoles(PROFILE, k, RoleIndex.ALL), "k " + k);
          // 640 roles tie at 100: taken in doc order, several times k of them would be scored
          assertEquals(k, snap.lastExactEvaluations, "roles scored exactly for k " + k);
        }
      }
    }
  }

  @Test
  void tiesStayExactAcrossSegmentsDeletesAndUpdates() throws Exception {
    Random rnd = new Random(3);
    List<String> ids = ids(rnd, 3000);
    Map<String, Role> roles = roles(ids);
    try (RoleIndex index = RoleIndex.open(null, EVAL, 97)) {
      List<Role> all = new ArrayList<>(roles.values());
      for (int i = 0; i < all.size(); i += 250) {
        index.addAll(all.subList(i, Math.min(all.size(), i + 250)));
      }
      for (int round = 0; round < 6; round++) {
        for (int k : new int[] {1, 20, 64, 130}) {
          RoleIndexExactnessTest.assertSame(Reference.rankRoles(EVAL, roles, PROFILE, k,
              RoleIndex.ALL), index.rankRoles(PROFILE, k, RoleIndex.ALL),
              "round " + round + " k " + k);
        }
        // the current winners are deleted or updated (a new doc of a small id), others added
        List<String> top = new ArrayList<>();
        index.rankRoles(PROFILE, 10, RoleIndex.ALL).forEach(m -> top.add(m.roleId()));
        for (int i = 0; i < top.size(); i++) {
          String id = top.get(i);
          if (i % 2 == 0) {
            assertTrue(index.delete(id));
            roles.remove(id);
          } else {
            Role r = i % 4 == 1 ? miss(id) : tie(id);
            index.add(r);
            roles.put(id, r);
          }
        }
        for (String id : ids(rnd, 40)) {
          if (!roles.containsKey(id)) {
            index.add(tie(id));
            roles.put(id, tie(id));
          }
        }
      }
    }
  }

  private static int leafOf(int doc, int[] bases, int n) {
    int li = 0;
    while (li + 1 < n && bases[li + 1] <= doc) {
      li++;
    }
    return li;
  }
}
