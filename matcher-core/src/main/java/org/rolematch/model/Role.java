package org.rolematch.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A role read from a posting: its title and terms, and its requirement clauses.
 *
 * @param id stable id, unique within an index ({@code "acme-careers#2"})
 * @param title the role's title
 * @param organisation the employer, or empty when the posting does not say
 * @param employmentType internship, full time, ...
 * @param locationConstraints short free-text statements of where the role may be done
 * @param salary the stated salary range, if any
 * @param requirements the requirement clauses, in posting order; ids unique
 * @param sourceText the text of the role's block on the page (may be empty)
 */
public record Role(
    String id,
    String title,
    String organisation,
    EmploymentType employmentType,
    List<String> locationConstraints,
    Optional<SalaryRange> salary,
    List<Requirement> requirements,
    String sourceText) {

  public Role {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("role id must not be blank");
    }
    requireNonNull(title, "title");
    requireNonNull(organisation, "organisation");
    requireNonNull(employmentType, "employmentType");
    locationConstraints = List.copyOf(requireNonNull(locationConstraints, "locationConstraints"));
    requireNonNull(salary, "salary");
    requirements = List.copyOf(requireNonNull(requirements, "requirements"));
    requireNonNull(sourceText, "sourceText");
    Set<String> ids = new HashSet<>();
    for (Requirement r : requirements) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException(
            "role '" + id + "' has two requirements with id '" + r.id() + "'");
      }
    }
  }

  /** A role with just an id, a title and requirements; the other fields empty. */
  public static Role of(String id, String title, List<Requirement> requirements) {
    return new Role(
        id, title, "", EmploymentType.UNKNOWN, List.of(), Optional.empty(), requirements, "");
  }

  /** This role with another id. */
  public Role withId(String newId) {
    return new Role(
        newId, title, organisation, employmentType, locationConstraints, salary, requirements,
        sourceText);
  }

  /** This role with other requirements. */
  public Role withRequirements(List<Requirement> newRequirements) {
    return new Role(
        id, title, organisation, employmentType, locationConstraints, salary, newRequirements,
        sourceText);
  }
}
