package elastic

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/elastic/go-elasticsearch/v8"
)

// ClusterInfo is what status reports about Elasticsearch.
type ClusterInfo struct {
	Version string
	Cluster string
	Health  string
	// Indices behind the alias, and the alias's document count.
	Indices []string
	Count   int64
}

// Ping checks that Elasticsearch answers; nil means it does.
func Ping(ctx context.Context, es *elasticsearch.Client) error {
	resp, err := es.Cluster.Health(es.Cluster.Health.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("failed to reach Elasticsearch: %w", err)
	}
	defer resp.Body.Close()
	if resp.IsError() {
		return fmt.Errorf("failed to read Elasticsearch health: HTTP %d", resp.StatusCode)
	}
	return nil
}

// Describe reads the version, health, the indices behind alias and its count.
func Describe(ctx context.Context, es *elasticsearch.Client, alias string) (*ClusterInfo, error) {
	var root struct {
		ClusterName string `json:"cluster_name"`
		Version     struct {
			Number string `json:"number"`
		} `json:"version"`
	}
	if err := getJSON(ctx, es, "/", &root); err != nil {
		return nil, err
	}
	info := &ClusterInfo{Version: root.Version.Number, Cluster: root.ClusterName}
	var health struct {
		Status string `json:"status"`
	}
	if err := getJSON(ctx, es, "/_cluster/health", &health); err != nil {
		return nil, err
	}
	info.Health = health.Status
	var aliases map[string]any
	if err := getJSON(ctx, es, "/_alias/"+alias, &aliases); err == nil {
		for idx := range aliases {
			info.Indices = append(info.Indices, idx)
		}
	}
	var count struct {
		Count int64 `json:"count"`
	}
	if len(info.Indices) > 0 {
		if err := getJSON(ctx, es, "/"+alias+"/_count", &count); err != nil {
			return nil, err
		}
	}
	info.Count = count.Count
	return info, nil
}

func getJSON(ctx context.Context, es *elasticsearch.Client, path string, v any) error {
	req, err := newRequest(ctx, "GET", path, nil)
	if err != nil {
		return err
	}
	resp, err := es.Perform(req)
	if err != nil {
		return fmt.Errorf("failed to GET %s from Elasticsearch: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("failed to GET %s from Elasticsearch: HTTP %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("failed to decode %s: %w", path, err)
	}
	return nil
}
