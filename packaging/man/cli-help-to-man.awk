# Turns stemdeck-cli's --help (CLI11's layout) into a man page, so that the page is the help
# text itself and the two never disagree (CMake runs it at build time: packaging/Packaging.cmake).
# Usage: stemdeck-cli --help | awk -v version=V -v date=D -f cli-help-to-man.awk
function esc(s) {  # roff: backslashes, hyphens (minus signs in options), a leading dot or quote
    gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); sub(/^[.']/, "\\\\\\&&", s); return s
}
function flush_item() {
    if (tag != "") { print ".TP"; print "\\fB" esc(tag) "\\fR"; print esc(text) }
    tag = ""; text = ""
}
BEGIN {
    print ".TH STEMDECK\\-CLI 1 \"" date "\" \"stemdeck " version "\" \"User Commands\""
    print ".SH NAME"
    print "stemdeck\\-cli \\- play, check, render and serve multitrack stem songs"
}
NR == 1 { sub(/^usage: /, ""); print ".SH SYNOPSIS"; print esc($0); next }
/^$/ { flush_item(); blank = 1; next }
/^Options:$/ { flush_item(); print ".SH OPTIONS"; next }
/^Commands:$/ { flush_item(); print ".SH COMMANDS"; next }
/^[a-z]+$/ { flush_item(); print ".SS " $0; next }                   # a command's name
/^  (Positionals|Options):$/ { flush_item(); sub(/^ +/, ""); print ".PP"; print "\\fI" $0 "\\fR"; next }
/^(  -|    [^ ]).*[^ ]   +[^ ]/ {                                # an option: tag, spaces, text
    flush_item(); line = $0; sub(/^ +/, "", line)
    tag = line; sub(/   .*/, "", tag)
    text = line; sub(/^[^ ]+( [^ ]+)*   +/, "", text)
    next
}
/^      / && tag != "" { line = $0; sub(/^ +/, "", line); text = text " " line; next }  # its next line
/^  / { flush_item(); line = $0; sub(/^ +/, "", line); print esc(line); next }     # a command's summary
{   # the closing paragraphs
    flush_item()
    if (blank && !notes) { print ".SH NOTES"; notes = 1 } else if (blank) print ".PP"
    blank = 0; print esc($0)
}
END {
    flush_item()
    print ".SH SEE ALSO"
    print "\\fBstemdeck\\fR(1); the README in /usr/share/doc/stemdeck."
}
