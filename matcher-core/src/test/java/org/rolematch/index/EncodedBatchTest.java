package org.rolematch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.junit.jupiter.api.Test;
import org.rolematch.model.Role;

/** Documents encoded by several threads come out in batch order; a failure comes out as is. */
class EncodedBatchTest {
  private static List<Role> roles(int n) {
    List<Role> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Role.of("role-" + i, "Role " + i, List.of()));
    }
    return out;
  }

  private static Document document(Role r) {
    Document d = new Document();
    d.add(new StringField(IndexFields.ID, r.id(), Field.Store.NO));
    return d;
  }

  @Test
  void documentsComeOutInBatchOrder() {
    List<Role> roles = roles(5000);
    RoleIndex.EncodedBatch batch = new RoleIndex.EncodedBatch(roles, EncodedBatchTest::document);
    assertEquals(roles.size(), batch.size());
    for (int i = 0; i < roles.size(); i++) {
      assertEquals(roles.get(i).id(), batch.get(i).get(IndexFields.ID));
    }
  }

  @Test
  void aFailureToEncodeIsThrownByTheReader() {
    List<Role> roles = roles(3000);
    IllegalStateException failure = new IllegalStateException("cannot encode role-1234");
    RoleIndex.EncodedBatch batch = new RoleIndex.EncodedBatch(roles, r -> {
      if (r.id().equals("role-1234")) {
        throw failure;
      }
      return document(r);
    });
    for (int i = 0; i < 1024; i++) { // the chunks before the failing one
      assertEquals(roles.get(i).id(), batch.get(i).get(IndexFields.ID));
    }
    assertSame(failure, assertThrows(IllegalStateException.class, () -> batch.get(1234)));
  }
}
