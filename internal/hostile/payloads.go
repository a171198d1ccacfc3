// Package hostile is a test server that attacks whoever reads it: feeds
// and pages whose text carries terminal escape sequences, C1 controls and
// bidi overrides (raw and as HTML character references), links to
// javascript:, file: and data: URLs and URLs full of shell metacharacters,
// and responses that are too big, too slow, compressed bombs, redirect
// loops or malformed. Only tests import it.
package hostile

import "strings"

// Payloads are the strings an attacker wants on a reader's terminal, raw.
var Payloads = []string{
	"\x1b]52;c;ZWNobyBwd25lZA==\x07",                         // OSC 52: write the clipboard
	"\x1b]0;pwned window title\x1b\\",                        // OSC 0: set the title
	"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", // OSC 8 hyperlink
	"\x1b[2J\x1b[H",                                             // CSI: clear the screen
	"\x1b[31mred\x1b[0m",                                        // SGR colour
	"\x1bP+q544e\x1b\\",                                         // DCS: request a termcap
	"\u009b2J\u009d0;c1 title\u009c",                            // C1 CSI and OSC, raw
	"\u0085\u008d\u0090x\u009c",                                 // other C1 controls
	"\u202eevil\u202c \u2066iso\u2069 \u200e\u200f\u061c",       // bidi override, isolate, marks
	"bell\a nul\x00 del\x7f bs\b cr\roverwritten",               // C0 and DEL
	"&#27;]52;c;ZWNobyBwd25lZA==&#7;",                           // the same as references
	"&#x1b;[2J&#X1B;]0;t&#x07;",                                 //
	"&#155;2J&#x9b;31m&#157;0;t&#156;",                          // C1 as references
	"&#8238;evil&#x202c;&lrm;&rlm;&#x2066;",                     // bidi as references
	"&#0000027;[2J &#4294967323;[2J &#x10000001b;[2J",           // padded and wrapping numbers
	"&amp;#27;]0;double&amp;#7; &amp;#x1b;[2J &amp;amp;#27;[2J", // escaped twice and thrice
	"\u2028line\u2029para\ufeffbom",                             // separators and BOM: harmless, kept
}

// Joined is every payload in one string, with a word between them so that
// the text around each stays recognisable.
func Joined() string { return "start " + strings.Join(Payloads, " mid ") + " end" }

// BadLinks are links a reader must never open, share or store as a link.
var BadLinks = []string{
	"javascript:alert(document.cookie)",
	"JaVaScRiPt:alert(1)",
	"java\tscript:alert(1)",
	" javascript:alert(1)",
	"file:///etc/passwd",
	"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
	"vbscript:msgbox(1)",
	"exec:rm -rf ~",
}

// ShellLinks are http(s) links full of shell metacharacters: fine to keep
// as links, as long as nothing ever hands them to a shell.
var ShellLinks = []string{
	"https://evil.example/$(touch /tmp/byline-pwned)",
	"https://evil.example/`touch /tmp/byline-pwned`",
	"https://evil.example/a;touch /tmp/byline-pwned",
	"https://evil.example/it's here",
	"https://evil.example/a b c?q=1|touch /tmp/byline-pwned&x=>/tmp/y",
}

// Unsafe reports what in s could act on a terminal: an ESC or C1 control,
// any other C0 control but newline and tab, DEL, a bidi control, or a
// character reference that decodes to one of those. It names the first
// found, "" when s is safe. JSON's escapes of them ("\u001b") count too,
// for JSON output that a careless reader would decode and print.
func Unsafe(s string) string {
	for i, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			return quoteAround(s, i, "control")
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return quoteAround(s, i, "bidi control")
		}
	}
	lower := strings.ToLower(s)
	for _, ref := range []string{"&#27;", "&#x1b;", "&#7;", "&#x07;", "&#155;", "&#x9b;", "&#157;", "&#8238;",
		"&#x202e;", "&#x2066;", "&lrm;", "&rlm;", "&#0000027;", "&#4294967323;", "&#x10000001b;",
		`\u001b`, `\u0007`, `\u009b`, `\u009d`, `\u0000`, `\u202e`, `\u0085`} {
		if i := strings.Index(lower, ref); i >= 0 {
			return quoteAround(s, i, "reference "+ref)
		}
	}
	return ""
}

func quoteAround(s string, i int, what string) string {
	lo, hi := max(i-30, 0), min(i+30, len(s))
	return what + " in …" + strings.ToValidUTF8(s[lo:hi], "?") + "…"
}
