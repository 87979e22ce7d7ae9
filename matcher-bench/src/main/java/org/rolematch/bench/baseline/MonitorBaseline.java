package org.rolematch.bench.baseline;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.rolematch.model.CandidateProfile;
import org.rolematch.model.Kind;
import org.rolematch.model.Role;
import org.rolematch.score.ClauseEvaluator;
import org.rolematch.score.CompiledProfile;
import org.rolematch.score.CompiledRole;
import org.rolematch.score.ConceptGraph;
import org.rolematch.score.KnockoutMode;
import org.rolematch.score.ScoreSheet;

/**
 * Baseline 3: the Lucene {@code monitor} module (reverse search), with each role registered as a
 * stored query and the candidate's profile as the document, the way a user of Lucene would first
 * try "which roles does this candidate match?".
 *
 * <h2>Design note</h2>
 *
 * <p>A monitor answers which stored queries match a document; it has no notion of RoleMatch's
 * score (per-clause partial credit, any-of groups with a minimum count, a weighted mean over the
 * role). So the monitor is used for what it can do, and the exact evaluator for the rest:
 *
 * <ol>
 *   <li>each role is one {@link MonitorQuery}: the disjunction of the concepts, fields and places
 *       its clauses list (one term each; the default query decomposer is replaced by one that
 *       keeps the role whole, see the constructor);
 *   <li>the profile is a document with its concepts closed under ancestors (what meets a
 *       listed concept), its degrees' fields with theirs, and its places;
 *   <li>the roles the monitor matches are scored exactly (compiled roles kept beside the
 *       monitor) and the top k kept.
 * </ol>
 *
 * <p>A role that shares no concept, field or place with the profile can still earn credit from
 * its degree, years, sibling concepts and floors, so this gives RoleMatch's answer only when the
 * k-th best matching role outscores every role the monitor missed: the benchmark setup checks it
 * against the exhaustive scan and fails otherwise. Not thread-safe.
 */
public final class MonitorBaseline implements Closeable {
  private static final String F = "k";
  private static final int BATCH = 20_000;

  private final ClauseEvaluator eval;
  private final ConceptGraph graph;
  private final Monitor monitor;
  private final CompiledRole[] roles;
  private final String[] ids;
  private final ScoreSheet sheet = new ScoreSheet();

  /** Registers {@code roles} in a new in-memory monitor. */
  public MonitorBaseline(List<Role> roleList, ClauseEvaluator eval) throws IOException {
    this.eval = eval;
    this.graph = eval.graph();
    // One stored query per role, not one per disjunct: the default decomposer would index (and
    // run) each of a role's ~100 terms as its own query, about 100 times the work for a
    // match-or-not answer (measured: 16 s to register 500 roles, 130 ms to match one profile).
    MonitorConfiguration config = new MonitorConfiguration()
        .setQueryDecomposer(new QueryDecomposer() {
          @Override
          public Set<Query> decompose(Query q) {
            return Set.of(q);
          }
        })
        .setQueryUpdateBufferSize(BATCH);
    this.monitor = new Monitor(new KeywordAnalyzer(), config);
    int n = roleList.size();
    roles = new CompiledRole[n];
    ids = new String[n];
    List<MonitorQuery> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < n; i++) {
      Role role = roleList.get(i);
      CompiledRole r = CompiledRole.compile(role, graph);
      roles[i] = r;
      ids[i] = role.id();
      Set<String> terms = roleTerms(r);
      BooleanQuery.Builder q = new BooleanQuery.Builder();
      for (String t : terms) {
        q.add(new TermQuery(new Term(F, t)), BooleanClause.Occur.SHOULD);
      }
      batch.add(new MonitorQuery(Integer.toString(i), q.build()));
      if (batch.size() == BATCH) {
        monitor.register(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      monitor.register(batch);
    }
  }

  private Set<String> roleTerms(CompiledRole r) {
    Set<String> t = new LinkedHashSet<>();
    for (int i = 0; i < r.clauseCount(); i++) {
      Kind kind = r.kind(i);
      String prefix = switch (kind) {
        case FIELD_OF_STUDY -> "f:";
        case LOCATION -> "p:";
        case DEGREE, EXPERIENCE_YEARS, PUBLICATION, PRIOR_INTERNSHIP -> null;
        default -> "c:";
      };
      if (prefix != null) {
        for (int j = r.conceptStart(i); j < r.conceptEnd(i); j++) {
          t.add(prefix + concept(r, j));
        }
      }
    }
    return t;
  }

  private static String concept(CompiledRole r, int j) {
    int c = r.concept(j);
    return c >= 0 ? Integer.toString(c) : "u:" + r.unknown(-c - 1);
  }

  /** The profile as a monitor document: its concepts (closed under ancestors), fields, places. */
  Document document(CompiledProfile p) {
    Document d = new Document();
    for (int i = 0; i < p.upCount(); i++) {
      add(d, "c:" + p.up(i));
    }
    for (int i = 0; i < p.unknownCount(); i++) {
      add(d, "c:u:" + p.unknown(i));
    }
    for (int i = 0; i < p.degreeCount(); i++) {
      int f = p.degreeField(i);
      if (f >= 0) {
        add(d, "f:" + f);
        for (int a : graph.ancestors(f)) {
          add(d, "f:" + a);
        }
      } else if (f == -1) {
        add(d, "f:u:" + p.degreeFieldText(i));
      }
    }
    for (int i = 0; i < p.placeCount(); i++) {
      add(d, "p:" + p.place(i));
    }
    return d;
  }

  private static void add(Document d, String term) {
    d.add(new StringField(F, term, Field.Store.NO));
  }

  /** Number of roles registered. */
  public int size() {
    return roles.length;
  }

  /** Number of roles the monitor matched in the last {@link #rank} call. */
  public int lastMatched;

  /** The best {@code k} roles: monitor matches, scored exactly. */
  public List<Hit> rank(CandidateProfile profile, int k) throws IOException {
    CompiledProfile p = CompiledProfile.compile(profile, graph);
    MatchingQueries<QueryMatch> m = monitor.match(document(p), QueryMatch.SIMPLE_MATCHER);
    TopHits top = new TopHits(k, ids);
    boolean filter = eval.policy().knockoutMode() == KnockoutMode.FILTER;
    int matched = 0;
    for (QueryMatch qm : m.getMatches()) {
      int i = Integer.parseInt(qm.getQueryId());
      matched++;
      double s = eval.score(roles[i], p, sheet);
      if (filter && !sheet.eligible()) {
        continue;
      }
      top.offer(s, i);
    }
    lastMatched = matched;
    return top.hits();
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
