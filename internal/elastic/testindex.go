package elastic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/elastic/go-elasticsearch/v8"
)

// CreateIndexFromTemplate creates index directly with the settings and
// mappings of the template body, and alias as its write alias. Tests and
// benchmarks use it to get an index exactly like production's under a name
// of their own, without installing the template cluster-wide.
func CreateIndexFromTemplate(ctx context.Context, es *elasticsearch.Client, template []byte, index, alias string) error {
	var tpl struct {
		Template struct {
			Settings map[string]any `json:"settings"`
			Mappings map[string]any `json:"mappings"`
		} `json:"template"`
	}
	if err := json.Unmarshal(template, &tpl); err != nil {
		return fmt.Errorf("failed to parse the index template: %w", err)
	}
	body := map[string]any{"settings": tpl.Template.Settings, "mappings": tpl.Template.Mappings}
	if alias != "" {
		body["aliases"] = map[string]any{alias: map[string]any{"is_write_index": true}}
	}
	b, _ := json.Marshal(body)
	resp, err := es.Indices.Create(index, es.Indices.Create.WithBody(bytes.NewReader(b)), es.Indices.Create.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("failed to create index %s: %w", index, err)
	}
	defer resp.Body.Close()
	if resp.IsError() {
		return responseError("create index "+index, resp)
	}
	return nil
}

// DeleteIndex removes index (ignoring a missing one).
func DeleteIndex(ctx context.Context, es *elasticsearch.Client, index string) error {
	resp, err := es.Indices.Delete([]string{index}, es.Indices.Delete.WithContext(ctx), es.Indices.Delete.WithIgnoreUnavailable(true))
	if err != nil {
		return fmt.Errorf("failed to delete index %s: %w", index, err)
	}
	defer resp.Body.Close()
	if resp.IsError() {
		return responseError("delete index "+index, resp)
	}
	return nil
}
