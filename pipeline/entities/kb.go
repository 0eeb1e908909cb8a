package entities

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/warwire/warwire/pipeline"
)

// embeddedKB is the knowledge base shipped with the binary (see kb.yaml and
// README.md for the format).
//
//go:embed kb.yaml
var embeddedKB []byte

// EmbeddedKB returns a copy of the knowledge base compiled into the binary.
func EmbeddedKB() []byte { return append([]byte(nil), embeddedKB...) }

// KBFile is the document structure of kb.yaml.
type KBFile struct {
	Titles   []TitleDef `yaml:"titles"`
	Entities []EntryDef `yaml:"entities"`
}

// TitleDef is an office: its canonical title, the other ways stories name it,
// the country (ISO code) or organisation (entity id) whose office it is, and
// generic wordings ("the president") that name the holder only when the story
// also names them in full.
type TitleDef struct {
	Title   string   `yaml:"title"`
	Aliases []string `yaml:"aliases"`
	Country string   `yaml:"country"`
	Org     string   `yaml:"org"`
	Generic []string `yaml:"generic"`
}

// EntryDef is one knowledge-base entity as written in kb.yaml.
type EntryDef struct {
	ID          string    `yaml:"id"`
	Name        string    `yaml:"name"`
	Type        string    `yaml:"type"`
	CountryCode string    `yaml:"country_code"`
	Country     string    `yaml:"country"`
	Aliases     []string  `yaml:"aliases"`
	Surnames    []string  `yaml:"surnames"`
	Roles       []RoleDef `yaml:"roles"`
	Demonyms    []string  `yaml:"demonyms"`
	Capitals    []string  `yaml:"capitals"`
	Seats       []string  `yaml:"seats"`
	// USStateHomonym marks a country named like a U.S. state (Georgia): after
	// "<Place>, " or "<Person> of" the name is the state, not the country.
	USStateHomonym bool `yaml:"us_state_homonym"`
}

// RoleDef is an office a person held: a title from the titles list and the
// dates (YYYY-MM-DD, `to` exclusive and empty while in office).
type RoleDef struct {
	Title string `yaml:"title"`
	From  string `yaml:"from"`
	To    string `yaml:"to"`
}

// ParseKB decodes and validates a knowledge base in the kb.yaml format.
func ParseKB(data []byte) (*KBFile, error) {
	var f KBFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("failed to parse knowledge base: %w", err)
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("invalid knowledge base: %w", err)
	}
	return &f, nil
}

// LoadKBFile reads and parses the knowledge base at path.
func LoadKBFile(path string) (*KBFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("failed to read knowledge base: %w", err)
	}
	return ParseKB(data)
}

// Validate checks ids, types, codes, titles and dates, naming the first bad entry.
func (f *KBFile) Validate() error {
	titles := make(map[string]bool, len(f.Titles))
	for _, t := range f.Titles {
		if strings.TrimSpace(t.Title) == "" {
			return errors.New("a title has no name")
		}
		if t.Country != "" && !validCode(t.Country) {
			return fmt.Errorf("title %q: country %q is not an ISO 3166-1 alpha-2 code", t.Title, t.Country)
		}
		if titles[t.Title] {
			return fmt.Errorf("title %q is defined twice", t.Title)
		}
		titles[t.Title] = true
	}
	ids := make(map[string]bool, len(f.Entities))
	for i := range f.Entities {
		e := &f.Entities[i]
		if err := e.validate(titles); err != nil {
			return fmt.Errorf("entity %d (%s %q): %w", i+1, e.ID, e.Name, err)
		}
		if ids[e.ID] {
			return fmt.Errorf("entity %d: id %s is used twice", i+1, e.ID)
		}
		ids[e.ID] = true
	}
	for _, t := range f.Titles {
		if t.Org != "" && !ids[t.Org] {
			return fmt.Errorf("title %q: org %s is not an entity id", t.Title, t.Org)
		}
	}
	return nil
}

func (e *EntryDef) validate(titles map[string]bool) error {
	switch {
	case !validID(e.ID):
		return fmt.Errorf("id must be a Wikidata QID (Q123) or slug:<name>")
	case strings.TrimSpace(e.Name) == "":
		return errors.New("name is empty")
	case e.Type != pipeline.EntityPerson && e.Type != pipeline.EntityOrganization && e.Type != pipeline.EntityCountry:
		return fmt.Errorf("type %q is not person, organization or country", e.Type)
	case e.Type == pipeline.EntityCountry && !validCode(e.CountryCode):
		return fmt.Errorf("country_code %q is not an ISO 3166-1 alpha-2 code", e.CountryCode)
	case e.Country != "" && !validCode(e.Country):
		return fmt.Errorf("country %q is not an ISO 3166-1 alpha-2 code", e.Country)
	}
	for _, r := range e.Roles {
		if !titles[r.Title] {
			return fmt.Errorf("role title %q is not in the titles list", r.Title)
		}
		from, to, err := r.dates()
		if err != nil {
			return err
		}
		if !to.IsZero() && !to.After(from) {
			return fmt.Errorf("role %q ends before it starts", r.Title)
		}
	}
	return nil
}

func (r RoleDef) dates() (from, to time.Time, err error) {
	if r.From != "" {
		if from, err = time.Parse(time.DateOnly, r.From); err != nil {
			return from, to, fmt.Errorf("role %q: bad from date: %w", r.Title, err)
		}
	}
	if r.To != "" {
		if to, err = time.Parse(time.DateOnly, r.To); err != nil {
			return from, to, fmt.Errorf("role %q: bad to date: %w", r.Title, err)
		}
	}
	return from, to, nil
}

func validID(id string) bool {
	if rest, ok := strings.CutPrefix(id, "slug:"); ok {
		return rest != "" && strings.Trim(rest, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
	}
	if len(id) < 2 || id[0] != 'Q' {
		return false
	}
	return strings.Trim(id[1:], "0123456789") == ""
}

func validCode(c string) bool {
	return len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z'
}
