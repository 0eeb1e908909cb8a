package decode

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// fill copies the NINJS fields of obj into s, folding the 2.x forms
// (headlines[], bodies[], by) into the 1.x shape.
func fill(s *pipeline.Story, obj map[string]any) error {
	s.URI = strings.TrimSpace(str(obj["uri"]))
	if s.URI == "" {
		return fmt.Errorf("uri: missing required field")
	}
	v, err := version(obj["version"])
	if err != nil {
		return err
	}
	s.Version = v
	if s.VersionCreated, err = timeField(obj, "versioncreated"); err != nil {
		return err
	}
	if s.FirstCreated, err = timeField(obj, "firstcreated"); err != nil {
		return err
	}
	s.Headline = firstNonEmpty(str(obj["headline"]), pick(obj["headlines"], ""), str(obj["title"]))
	s.BodyText = firstNonEmpty(str(obj["body_text"]), pick(obj["bodies"], "text/plain"))
	s.BodyHTML = firstNonEmpty(str(obj["body_html"]), pick(obj["bodies"], "text/html"))
	s.Byline = firstNonEmpty(str(obj["byline"]), byName(obj["by"]))
	s.Language = strings.ToLower(strings.TrimSpace(str(obj["language"])))
	s.Located = located(obj["located"])
	s.CopyrightHolder = str(obj["copyrightholder"])
	s.URL = str(obj["url"])
	s.PubStatus = strings.ToLower(str(obj["pubstatus"]))
	if s.PubStatus == "" {
		s.PubStatus = pipeline.PubStatusUsable
	}
	if n, ok := obj["urgency"].(json.Number); ok {
		u, _ := n.Int64()
		s.Urgency = int(u)
	}
	s.Subjects = subjects(obj["subject"])
	return nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// maxVersion keeps versions well inside Elasticsearch's external version range
// after the kill bit is added.
const maxVersion = 1 << 60

// version accepts an integer or a string of digits (NINJS 2.x); absent is 1.
func version(v any) (int64, error) { return checkVersion(parseVersion(v)) }

func parseVersion(v any) (int64, error) {
	switch x := v.(type) {
	case nil:
		return 1, nil
	case json.Number:
		return versionNumber(x)
	case string:
		return versionString(x)
	}
	return 0, fmt.Errorf("version: got %T, want an integer", v)
}

// versionNumber reads a version given as a JSON number.
func versionNumber(x json.Number) (int64, error) {
	n, err := x.Int64()
	if err != nil || n < 0 {
		return 0, fmt.Errorf("version: %q is not a non-negative integer", x.String())
	}
	return n, nil
}

// versionString reads a version given as a string of digits (NINJS 2.x).
func versionString(x string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("version: %q is not a non-negative integer", x)
	}
	return n, nil
}

// checkVersion applies the upper limit to a parsed version.
func checkVersion(n int64, err error) (int64, error) {
	if err == nil && n > maxVersion {
		return 0, fmt.Errorf("version: %d is larger than %d", n, int64(maxVersion))
	}
	return n, err
}

// timeLayouts are the ISO 8601 forms agencies send: RFC 3339, an offset
// without a colon, a space instead of T, no offset (taken as UTC), a date.
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999Z0700", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999", "2006-01-02",
}

func timeField(obj map[string]any, key string) (time.Time, error) {
	return parseTime(key, str(obj[key]))
}

// parseTime reads the date-time value of field key; blank is the zero time.
func parseTime(key, value string) (time.Time, error) {
	raw := strings.TrimSpace(value)
	if raw == "" {
		return time.Time{}, nil
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, raw); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%s: %q is not an RFC 3339 date-time", key, raw)
}

// pick returns the value of the main (or first) entry of a NINJS 2.x
// headlines[] or bodies[] array, restricted to a content type when given.
func pick(v any, contentType string) string {
	arr, _ := v.([]any)
	var first string
	for _, e := range arr {
		m, _ := e.(map[string]any)
		if contentType != "" && !matchesType(str(m["contenttype"]), contentType) {
			continue
		}
		val := str(m["value"])
		if role := str(m["role"]); role == "" || role == "main" {
			if val != "" {
				return val
			}
		}
		if first == "" {
			first = val
		}
	}
	return first
}

func matchesType(got, want string) bool {
	got = strings.ToLower(strings.TrimSpace(strings.SplitN(got, ";", 2)[0]))
	if got == "" {
		return want == "text/plain"
	}
	return got == want || (want == "text/html" && got == "application/xhtml+xml")
}

// byName folds NINJS 2.x `by` (a string, or an array of objects with name) to
// a byline.
func byName(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		var names []string
		for _, e := range x {
			if m, ok := e.(map[string]any); ok && str(m["name"]) != "" {
				names = append(names, str(m["name"]))
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// located accepts a string or a 2.x place object with a name.
func located(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return str(x["name"])
	}
	return ""
}

func subjects(v any) []pipeline.Subject {
	arr, _ := v.([]any)
	var out []pipeline.Subject
	for _, e := range arr {
		m, _ := e.(map[string]any)
		if sub, ok := subject(str(m["code"]), str(m["uri"]), str(m["name"])); ok {
			out = append(out, sub)
		}
	}
	return out
}

// subject folds a concept's code, uri and name into a Subject; ok is false
// when it names nothing.
func subject(code, uri, name string) (pipeline.Subject, bool) {
	sub := pipeline.Subject{Code: firstNonEmpty(code, uri), Name: name}
	return sub, sub.Code != "" || sub.Name != ""
}
