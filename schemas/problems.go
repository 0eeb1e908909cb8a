package schemas

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var printer = message.NewPrinter(language.English)

// collector turns the validator's error tree into Problems a person can read:
// the failing field as a JSON Pointer, what it holds and what it should hold.
// A schema node may say what it wants in words with the x-want keyword.
type collector struct {
	tree any // the schema document
	inst any // the value being validated
	seen map[Problem]bool
	out  []Problem
}

func (c *collector) add(path, msg string) {
	p := Problem{Path: path, Message: msg}
	if !c.seen[p] {
		c.seen[p] = true
		c.out = append(c.out, p)
	}
}

func (c *collector) walk(e *jsonschema.ValidationError) {
	path := pointer(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		for _, m := range k.Missing {
			c.add(path+"/"+escape(m), "missing required field")
		}
		return
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			c.add(path+"/"+escape(p), "unknown field")
		}
		return
	case *kind.AnyOf, *kind.OneOf:
		if want := c.want(e.SchemaURL); want != "" {
			c.add(path, "got "+describe(c.value(e.InstanceLocation))+", want "+want)
			return
		}
	}
	if len(e.Causes) > 0 {
		for _, cause := range e.Causes {
			c.walk(cause)
		}
		return
	}
	c.add(path, c.message(e))
}

// message words a leaf error as "got <value>, want <what the schema wants>".
func (c *collector) message(e *jsonschema.ValidationError) string {
	got := "got " + describe(c.value(e.InstanceLocation)) + ", want "
	if t, ok := e.ErrorKind.(*kind.Type); ok {
		return got + strings.Join(t.Want, " or ")
	}
	if want := c.want(e.SchemaURL); want != "" {
		return got + want
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Enum:
		return got + "one of " + list(k.Want)
	case *kind.Const:
		return got + display(k.Want)
	case *kind.Minimum:
		return got + "at least " + rat(k.Want)
	case *kind.Maximum:
		return got + "at most " + rat(k.Want)
	case *kind.ExclusiveMinimum:
		return got + "more than " + rat(k.Want)
	case *kind.ExclusiveMaximum:
		return got + "less than " + rat(k.Want)
	case *kind.MinLength:
		return got + fmt.Sprintf("at least %d characters", k.Want)
	case *kind.MaxLength:
		return got + fmt.Sprintf("at most %d characters", k.Want)
	case *kind.MinItems:
		return got + fmt.Sprintf("at least %d items", k.Want)
	case *kind.MaxItems:
		return got + fmt.Sprintf("at most %d items", k.Want)
	case *kind.Pattern:
		return got + "a string matching " + strconv.Quote(k.Want)
	case *kind.Format:
		return got + "a valid " + k.Want
	case *kind.Not, *kind.FalseSchema:
		return got + "no value here"
	}
	return e.ErrorKind.LocalizedString(printer)
}

// want returns the x-want annotation of the schema node at schemaURL, if any.
func (c *collector) want(schemaURL string) string {
	_, frag, _ := strings.Cut(schemaURL, "#")
	frag, err := url.PathUnescape(frag)
	if err != nil {
		return ""
	}
	node := c.tree
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		node = child(node, unescape(tok))
	}
	if m, ok := node.(map[string]any); ok {
		s, _ := m["x-want"].(string)
		return s
	}
	return ""
}

// value returns the part of the instance at loc, nil when there is none.
func (c *collector) value(loc []string) any {
	v := c.inst
	for _, tok := range loc {
		v = child(v, tok)
	}
	return v
}

func child(v any, tok string) any {
	switch t := v.(type) {
	case map[string]any:
		return t[tok]
	case []any:
		if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(t) {
			return t[i]
		}
	}
	return nil
}

// describe names a JSON value's type and shows it when it is short.
func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean " + strconv.FormatBool(t)
	case string:
		return "string " + quote(t)
	case json.Number:
		if _, err := t.Int64(); err == nil {
			return "integer " + t.String()
		}
		if f, err := t.Float64(); err == nil && f == float64(int64(f)) {
			return "integer " + t.String()
		}
		return "number " + t.String()
	case float64:
		if t == float64(int64(t)) {
			return "integer " + strconv.FormatInt(int64(t), 10)
		}
		return "number " + strconv.FormatFloat(t, 'g', -1, 64)
	case map[string]any:
		return "object"
	case []any:
		return fmt.Sprintf("array of %d items", len(t))
	}
	return fmt.Sprintf("%T", v)
}

// quote quotes s, shortened to 40 characters.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return strconv.Quote(s)
}

func display(v any) string {
	if s, ok := v.(string); ok {
		return quote(s)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func list(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = display(v)
	}
	return strings.Join(parts, ", ")
}

func rat(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escape(t))
	}
	return b.String()
}

func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

func unescape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
}
