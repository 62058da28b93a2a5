# Finds a Java runtime >= 21 for Liaison; sourced by the liaison scripts (POSIX sh).
# Order: $JAVA_HOME if new enough, else the newest under /usr/lib/jvm, else `java` on PATH.
# Sets LIAISON_JAVA, or prints what is missing and returns 1.

liaison_java_feature() { # $1 = JDK home; prints its feature version, reading the release file (no JVM start)
    if [ -r "$1/release" ]; then
        sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" | head -n 1
    elif [ -x "$1/bin/java" ]; then
        "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
    fi
}

liaison_find_java() {
    LIAISON_JAVA=
    _min=21
    _seen=
    if [ -n "${JAVA_HOME:-}" ]; then
        _v=$(liaison_java_feature "$JAVA_HOME")
        if [ -x "$JAVA_HOME/bin/java" ] && [ "${_v:-0}" -ge "$_min" ] 2>/dev/null; then
            LIAISON_JAVA="$JAVA_HOME/bin/java"
            return 0
        fi
        _seen="JAVA_HOME=$JAVA_HOME is Java ${_v:-unknown}"
    fi
    _best=0
    for _home in /usr/lib/jvm/*; do
        [ -x "$_home/bin/java" ] || continue
        _v=$(liaison_java_feature "$_home")
        _seen="${_seen:+$_seen; }$_home is Java ${_v:-unknown}"
        if [ "${_v:-0}" -ge "$_min" ] 2>/dev/null && [ "$_v" -gt "$_best" ]; then
            _best=$_v
            LIAISON_JAVA="$_home/bin/java"
        fi
    done
    [ -n "$LIAISON_JAVA" ] && return 0
    if command -v java >/dev/null 2>&1; then
        _v=$(java -version 2>&1 | sed -n 's/.*version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1)
        if [ "${_v:-0}" -ge "$_min" ] 2>/dev/null; then
            LIAISON_JAVA=$(command -v java)
            return 0
        fi
        _seen="${_seen:+$_seen; }java on PATH is Java ${_v:-unknown}"
    fi
    echo "liaison: needs a Java runtime $_min or newer, found none (${_seen:-no JAVA_HOME, nothing in /usr/lib/jvm, no java on PATH})." >&2
    echo "liaison: install one (e.g. 'apt-get install openjdk-21-jre-headless' or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
}
