package org.rolematch.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What RoleMatch knows of a candidate, in the form every scorer reads.
 *
 * <p><b>What it does not hold.</b> A profile has no name, gender, age or birth date, photo,
 * nationality, marital status or contact details: the resume parsers drop them on reading and
 * this record has no field that could carry them, so no scorer can read them. The {@code id} is
 * chosen by the caller (a file name, a database key) and is never scored.
 *
 * @param id caller-chosen id, unique within an index
 * @param degrees degrees, highest first where the source says so
 * @param positions dated positions
 * @param yearsExperience years of professional experience (internships and assistantships not
 *     counted, overlaps counted once)
 * @param internships number of prior internships and co-ops
 * @param publications number of distinct publications
 * @param publicationVenues venues named for the publications ("ACL", "NeurIPS"), if any
 * @param skills concepts the candidate has, each with evidence; at most one entry per concept
 * @param location where the candidate is based, as written ("Austin, TX"), if stated
 * @param workAuthorizations location concept ids where the candidate states they may work
 *     ({@code "united states"}), empty when the profile is silent
 */
public record CandidateProfile(
    String id,
    List<Degree> degrees,
    List<Position> positions,
    double yearsExperience,
    int internships,
    int publications,
    List<String> publicationVenues,
    List<Skill> skills,
    Optional<String> location,
    List<String> workAuthorizations) {

  public CandidateProfile {
    requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("profile id must not be blank");
    }
    degrees = List.copyOf(requireNonNull(degrees, "degrees"));
    positions = List.copyOf(requireNonNull(positions, "positions"));
    if (!(yearsExperience >= 0)) {
      throw new IllegalArgumentException("yearsExperience must be >= 0, got " + yearsExperience);
    }
    if (internships < 0 || publications < 0) {
      throw new IllegalArgumentException(
          "internships and publications must be >= 0, got " + internships + ", " + publications);
    }
    publicationVenues = List.copyOf(requireNonNull(publicationVenues, "publicationVenues"));
    skills = List.copyOf(requireNonNull(skills, "skills"));
    requireNonNull(location, "location");
    workAuthorizations = List.copyOf(requireNonNull(workAuthorizations, "workAuthorizations"));
  }

  /** The highest degree level on the profile, if any. */
  public Optional<Degree> highestDegree() {
    Degree best = null;
    for (Degree d : degrees) {
      if (best == null || d.level().rank() > best.level().rank()) {
        best = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether the profile holds the concept id. */
  public boolean has(String concept) {
    for (Skill s : skills) {
      if (s.concept().equals(concept)) {
        return true;
      }
    }
    return false;
  }

  /** This profile with another id. */
  public CandidateProfile withId(String newId) {
    return new CandidateProfile(
        newId, degrees, positions, yearsExperience, internships, publications, publicationVenues,
        skills, location, workAuthorizations);
  }
}
