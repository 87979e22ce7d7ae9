# Finds a JDK 21 or newer; sourced by ./rolematch and ./bench (bash).
#
#   source "$ROOT/scripts/find-jdk.sh"
#   JDK="$(find_java || true)"     # the JDK's home folder, or empty when none was found
#
# Order: JAVA_HOME if it is 21+, else the newest 21+ JDK under the usual folders, else the JDK of
# the `java` on the PATH if that is 21+.

java_major() { # prints the feature version of the java binary $1, or 0
  local v
  v="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')" || true
  v="${v#1.}"
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME/bin/java") >= 21 )); then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [[ -x "$d/bin/java" && -x "$d/bin/javac" ]] || continue
    v="$(java_major "$d/bin/java")"
    if (( v >= 21 && v > best_v )); then best="$d"; best_v="$v"; fi
  done
  if [[ -z "$best" ]] && command -v java >/dev/null 2>&1; then
    d="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    (( $(java_major "$d/bin/java") >= 21 )) && best="$d"
  fi
  [[ -n "$best" ]] && echo "$best"
}
