// Package configedit edits the configuration file's text: an account's
// section added or taken out, the rest of the file (its comments, its
// order) left as the user wrote it. It writes text, never a file: main
// does, and checks the result with model.ParseConfig first.
package configedit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/byline-reader/byline/model"
)

// AddAccountSection appends an [accounts.NAME] section for a to a
// configuration file's text, leaving the rest of the file as it was.
func AddAccountSection(data []byte, name string, a model.AccountConfig) []byte {
	var b strings.Builder
	b.Write(data)
	if len(data) > 0 && !strings.HasSuffix(string(data), "\n") {
		b.WriteByte('\n')
	}
	if len(data) > 0 {
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "[accounts.%s]\n", name)
	fmt.Fprintf(&b, "type = %s\n", tomlString(a.Type))
	fmt.Fprintf(&b, "url = %s\n", tomlString(a.URL))
	fmt.Fprintf(&b, "username = %s\n", tomlString(a.Username))
	if len(a.PasswordCommand) > 0 {
		quoted := make([]string, len(a.PasswordCommand))
		for i, arg := range a.PasswordCommand {
			quoted[i] = tomlString(arg)
		}
		fmt.Fprintf(&b, "password_command = [%s]\n", strings.Join(quoted, ", "))
	}
	if a.PasswordFile != "" {
		fmt.Fprintf(&b, "password_file = %s\n", tomlString(a.PasswordFile))
	}
	return []byte(b.String())
}

// RemoveAccountSection takes the [accounts.NAME] section (its header, its
// keys and the comments and blank lines up to the next table) out of a
// configuration file's text, and says whether it found it.
func RemoveAccountSection(data []byte, name string) ([]byte, bool) {
	lines := strings.SplitAfter(string(data), "\n")
	var kept []string
	found, inside := false, false
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			inside = isAccountHeader(t, name)
			found = found || inside
		}
		if !inside {
			kept = append(kept, line)
		}
	}
	out := strings.Join(kept, "")
	for strings.HasSuffix(out, "\n\n") {
		out = strings.TrimSuffix(out, "\n")
	}
	return []byte(out), found
}

// isAccountHeader tells whether a table header line opens NAME's section
// (a comment after it allowed; quoted or bare key).
func isAccountHeader(line, name string) bool {
	key, ok := tableName(line)
	if !ok {
		return false
	}
	table, rest, ok := strings.Cut(key, ".")
	if !ok || strings.TrimSpace(table) != "accounts" {
		return false
	}
	rest = strings.TrimSpace(rest)
	rest = strings.Trim(rest, `"'`)
	return rest == name
}

// tableName is the name a table header line opens ("queries",
// "accounts.mf"; a comment after it allowed), and whether the line is one.
func tableName(line string) (string, bool) {
	line, _, _ = strings.Cut(line, "#")
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "[") || strings.HasPrefix(line, "[[") || !strings.HasSuffix(line, "]") {
		return "", false
	}
	return strings.TrimSpace(line[1 : len(line)-1]), true
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// AddQueries adds saved queries to the [queries] table of a configuration
// file's text: after its last line when the file has the table, else in a
// new one at the end. A name the file already has is left alone (the
// user's expression wins), so adding the same queries twice changes
// nothing. It returns the text and the names it added.
func AddQueries(data []byte, have map[string]string, queries []model.SavedQuery) ([]byte, []string) {
	var lines []string
	var added []string
	for _, q := range queries {
		if _, ok := have[q.Name]; ok || q.Name == "" || slices.Contains(added, q.Name) {
			continue
		}
		lines = append(lines, tomlString(q.Name)+" = "+tomlString(q.Filter)+"\n")
		added = append(added, q.Name)
	}
	if len(lines) == 0 {
		return data, nil
	}
	text := string(data)
	if len(text) > 0 && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	all := strings.SplitAfter(text, "\n")
	at := -1 // the line after the [queries] table's last key
scan:
	for i, line := range all {
		t := strings.TrimSpace(line)
		switch {
		case isTableHeader(t, "queries"):
			at = i + 1
		case at >= 0 && strings.HasPrefix(t, "["):
			break scan
		case at >= 0 && t != "" && !strings.HasPrefix(t, "#"):
			at = i + 1
		}
	}
	if at >= 0 {
		return []byte(strings.Join(all[:at], "") + strings.Join(lines, "") + strings.Join(all[at:], "")), added
	}
	if text != "" {
		text += "\n"
	}
	return []byte(text + "[queries]\n" + strings.Join(lines, "")), added
}

// isTableHeader tells whether a line is the header of the table name.
func isTableHeader(line, name string) bool {
	got, ok := tableName(line)
	return ok && got == name
}
