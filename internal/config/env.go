// Package config holds one configuration struct per component. Each has a
// DefaultConfig constructor and a Validate method; environment variables named
// in `env` struct tags (all WARWIRE_*) override the defaults, and flags override
// both. Every field carries a `doc` tag: Reference renders them for the README.
package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Error is a configuration problem tied to one variable. Commands exit with
// status 2 when they see it.
type Error struct {
	Var string // the environment variable or flag, e.g. WARWIRE_ES_URL
	Msg string
}

// Error implements error.
func (e *Error) Error() string { return e.Var + ": " + e.Msg }

// IsConfigError reports whether err (or its cause) is a configuration error.
func IsConfigError(err error) bool {
	var ce *Error
	return errors.As(err, &ce)
}

// Errorf builds an Error for variable v.
func Errorf(v, format string, args ...any) *Error {
	return &Error{Var: v, Msg: fmt.Sprintf(format, args...)}
}

// LookupFunc returns the value of an environment variable and whether it is set.
type LookupFunc func(string) (string, bool)

// FromEnv applies WARWIRE_* overrides from the process environment to the
// struct pointed to by dst (nested structs included).
func FromEnv(dst any) error { return Apply(dst, os.LookupEnv) }

// Apply sets every field of the struct pointed to by dst whose `env` tag names
// a variable that lookup finds. A value that does not parse is an *Error naming
// the variable.
func Apply(dst any, lookup LookupFunc) error {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("config: Apply needs a pointer to a struct, got %T", dst)
	}
	return walk(v.Elem(), func(f reflect.StructField, fv reflect.Value) error {
		name := f.Tag.Get("env")
		raw, ok := lookup(name)
		if name == "" || !ok {
			return nil
		}
		if err := setValue(fv, strings.TrimSpace(raw)); err != nil {
			return &Error{Var: name, Msg: fmt.Sprintf("invalid value %q: %v", shown(f, raw), err)}
		}
		return nil
	})
}

func shown(f reflect.StructField, raw string) string {
	if f.Tag.Get("secret") == "true" {
		return "[redacted]"
	}
	return raw
}

func walk(v reflect.Value, fn func(reflect.StructField, reflect.Value) error) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeOf(time.Time{}) {
			if err := walk(fv, fn); err != nil {
				return err
			}
			continue
		}
		if err := fn(f, fv); err != nil {
			return err
		}
	}
	return nil
}

func setValue(fv reflect.Value, raw string) error {
	if fv.Type() == reflect.TypeOf(time.Duration(0)) {
		d, err := time.ParseDuration(raw)
		if err != nil {
			return errors.New("want a duration such as 500ms or 30s")
		}
		fv.SetInt(int64(d))
		return nil
	}
	switch fv.Kind() {
	case reflect.String:
		fv.SetString(raw)
	case reflect.Bool:
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return errors.New("want true or false")
		}
		fv.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return errors.New("want an integer")
		}
		fv.SetInt(n)
	case reflect.Float64:
		x, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return errors.New("want a number")
		}
		fv.SetFloat(x)
	case reflect.Slice:
		if fv.Type().Elem().Kind() != reflect.String {
			return fmt.Errorf("unsupported list type %s", fv.Type())
		}
		fv.Set(reflect.ValueOf(SplitList(raw)))
	default:
		return fmt.Errorf("unsupported type %s", fv.Type())
	}
	return nil
}

// SplitList splits a comma-separated list, dropping empty items and spaces.
func SplitList(raw string) []string {
	var out []string
	for _, p := range strings.Split(raw, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Var describes one environment variable for documentation and tests.
type Var struct {
	Name    string
	Doc     string
	Default string
	Secret  bool
}

// Vars lists the variables of the struct pointed to by cfg (usually a
// DefaultConfig()), with their current values as defaults; secrets are blank.
func Vars(cfg any) []Var {
	var out []Var
	_ = walk(reflect.ValueOf(cfg).Elem(), func(f reflect.StructField, fv reflect.Value) error {
		if name := f.Tag.Get("env"); name != "" {
			v := Var{Name: name, Doc: f.Tag.Get("doc"), Secret: f.Tag.Get("secret") == "true"}
			if !v.Secret {
				v.Default = format(fv)
			}
			out = append(out, v)
		}
		return nil
	})
	return out
}

func format(fv reflect.Value) string {
	if fv.Type() == reflect.TypeOf(time.Duration(0)) {
		return time.Duration(fv.Int()).String()
	}
	if fv.Kind() == reflect.Slice {
		parts := make([]string, fv.Len())
		for i := range parts {
			parts[i] = fv.Index(i).String()
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(fv.Interface())
}
