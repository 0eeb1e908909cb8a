package elastic

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// TemplateName is the name of warwire's composable index template.
const TemplateName = "warwire-stories"

// SetupResult says what EnsureIndex did; every field false means nothing changed.
type SetupResult struct {
	TemplateCreated bool
	// TemplateDiffers is set when the cluster holds a different template than
	// the code's; setup reports it and leaves it unless asked to update.
	TemplateDiffers bool
	TemplateUpdated bool
	IndexCreated    bool
	AliasCreated    bool
}

// Setup creates the template, the versioned index and the alias.
type Setup struct {
	// Name is the index template's name (TemplateName unless changed).
	Name     string
	es       *elasticsearch.Client
	template []byte
	index    string
	alias    string
}

// NewSetup prepares set-up of index behind alias with the given template body.
func NewSetup(es *elasticsearch.Client, template []byte, index, alias string) *Setup {
	return &Setup{Name: TemplateName, es: es, template: template, index: index, alias: alias}
}

// TemplateHash identifies a template body; it is stored in the template's _meta.
func TemplateHash(template []byte) string {
	sum := sha256.Sum256(template)
	return hex.EncodeToString(sum[:8])
}

// Ensure creates what is missing. With update, a differing template is
// replaced (existing indices keep their mapping; new ones get the new one).
func (s *Setup) Ensure(ctx context.Context, update bool) (SetupResult, error) {
	var res SetupResult
	current, err := s.storedHash(ctx)
	if err != nil {
		return res, err
	}
	want := TemplateHash(s.template)
	switch {
	case current == "":
		res.TemplateCreated = true
	case current != want:
		res.TemplateDiffers = true
		res.TemplateUpdated = update
	}
	if res.TemplateCreated || res.TemplateUpdated {
		if err := s.putTemplate(ctx, want); err != nil {
			return res, err
		}
	}
	if res.IndexCreated, err = s.ensureIndex(ctx); err != nil {
		return res, err
	}
	if !res.IndexCreated {
		res.AliasCreated, err = s.ensureAlias(ctx)
	}
	return res, err
}

// storedHash returns the hash in the stored template's _meta, "" if absent,
// and "unknown" for a template without one.
func (s *Setup) storedHash(ctx context.Context) (string, error) {
	resp, err := s.es.Indices.GetIndexTemplate(s.es.Indices.GetIndexTemplate.WithName(s.Name), s.es.Indices.GetIndexTemplate.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("failed to read index template: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return "", nil
	}
	if resp.IsError() {
		return "", responseError("read index template", resp)
	}
	var body struct {
		IndexTemplates []struct {
			IndexTemplate struct {
				Meta map[string]any `json:"_meta"`
			} `json:"index_template"`
		} `json:"index_templates"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return "", fmt.Errorf("failed to decode index template: %w", err)
	}
	if len(body.IndexTemplates) == 0 {
		return "", nil
	}
	if h, ok := body.IndexTemplates[0].IndexTemplate.Meta["warwire_template_hash"].(string); ok {
		return h, nil
	}
	return "unknown", nil
}

func (s *Setup) putTemplate(ctx context.Context, hash string) error {
	var tpl map[string]any
	if err := json.Unmarshal(s.template, &tpl); err != nil {
		return fmt.Errorf("failed to parse the index template: %w", err)
	}
	meta, _ := tpl["_meta"].(map[string]any)
	if meta == nil {
		meta = map[string]any{}
	}
	meta["warwire_template_hash"] = hash
	tpl["_meta"] = meta
	body, _ := json.Marshal(tpl)
	resp, err := s.es.Indices.PutIndexTemplate(s.Name, bytes.NewReader(body), s.es.Indices.PutIndexTemplate.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("failed to put index template: %w", err)
	}
	defer resp.Body.Close()
	if resp.IsError() {
		return responseError("put index template", resp)
	}
	return nil
}

func (s *Setup) ensureIndex(ctx context.Context) (bool, error) {
	resp, err := s.es.Indices.Exists([]string{s.index}, s.es.Indices.Exists.WithContext(ctx))
	if err != nil {
		return false, fmt.Errorf("failed to check index %s: %w", s.index, err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return false, nil
	}
	// The index gets the template's settings and mappings explicitly, so it
	// is right even when its name is outside the template's index pattern.
	if err := CreateIndexFromTemplate(ctx, s.es, s.template, s.index, s.alias); err != nil {
		if strings.Contains(err.Error(), "resource_already_exists") {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

func (s *Setup) ensureAlias(ctx context.Context) (bool, error) {
	resp, err := s.es.Indices.ExistsAlias([]string{s.alias}, s.es.Indices.ExistsAlias.WithIndex(s.index), s.es.Indices.ExistsAlias.WithContext(ctx))
	if err != nil {
		return false, fmt.Errorf("failed to check alias %s: %w", s.alias, err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return false, nil
	}
	body := fmt.Sprintf(`{"actions":[{"add":{"index":%q,"alias":%q,"is_write_index":true}}]}`, s.index, s.alias)
	resp, err = s.es.Indices.UpdateAliases(strings.NewReader(body), s.es.Indices.UpdateAliases.WithContext(ctx))
	if err != nil {
		return false, fmt.Errorf("failed to add alias %s: %w", s.alias, err)
	}
	defer resp.Body.Close()
	if resp.IsError() {
		return false, responseError("add alias", resp)
	}
	return true, nil
}

// responseError turns an Elasticsearch error response into an error with the
// error type and reason (for operators' logs, never for API clients). A body
// without them (a proxy's page, an empty 413) is quoted, up to 512 bytes.
func responseError(what string, resp *esapi.Response) error {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var body struct {
		Error struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		} `json:"error"`
	}
	if json.Unmarshal(raw, &body) == nil && body.Error.Type != "" {
		return fmt.Errorf("failed to %s: HTTP %d %s: %s", what, resp.StatusCode, body.Error.Type, body.Error.Reason)
	}
	return fmt.Errorf("failed to %s: HTTP %d: %q", what, resp.StatusCode, raw[:min(len(raw), 512)])
}
