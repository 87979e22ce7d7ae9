package org.rolematch;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.rolematch.model.EmploymentType;
import org.rolematch.model.Kind;
import org.rolematch.model.Requirement;
import org.rolematch.model.Role;

/**
 * Which roles a ranking may return: a small predicate over {@link Role}, applied only to roles
 * that could enter the top k (so a filter costs one role read per competitive role).
 *
 * <pre>{@code
 * List<MatchResult> internships = matcher.rankRoles(profile, 10, RoleFilter.internships());
 * List<MatchResult> remote = matcher.rankRoles(profile, 10,
 *     RoleFilter.internships().and(RoleFilter.remote()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface RoleFilter {
  /** Accepts every role. */
  RoleFilter ALL = role -> true;

  /** Whether the role may be returned. */
  boolean accept(Role role);

  /** Both filters. */
  default RoleFilter and(RoleFilter other) {
    requireNonNull(other, "other");
    return role -> accept(role) && other.accept(role);
  }

  /** Roles whose employment type is internship. */
  static RoleFilter internships() {
    return role -> role.employmentType() == EmploymentType.INTERNSHIP;
  }

  /** Roles of one employment type. */
  static RoleFilter employmentType(EmploymentType type) {
    requireNonNull(type, "type");
    return role -> role.employmentType() == type;
  }

  /**
   * Roles that may be done remotely: a location clause lists {@code remote}, or a location
   * constraint mentions remote work.
   */
  static RoleFilter remote() {
    return role -> {
      for (Requirement r : role.requirements()) {
        if (r.kind() == Kind.LOCATION && r.anyOf().contains("remote")) {
          return true;
        }
      }
      for (String c : role.locationConstraints()) {
        if (c.toLowerCase(Locale.ROOT).contains("remote")) {
          return true;
        }
      }
      return false;
    };
  }
}
