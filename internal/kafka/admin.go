package kafka

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	kgo "github.com/segmentio/kafka-go"

	"github.com/warwire/warwire/internal/config"
)

// Admin performs the cluster-level calls of setup and status.
type Admin struct {
	cfg    config.Kafka
	client *kgo.Client
}

// NewAdmin returns an admin client for cfg. It connects lazily.
func NewAdmin(cfg config.Kafka) (*Admin, error) {
	tr, err := Transport(cfg)
	if err != nil {
		return nil, err
	}
	return &Admin{cfg: cfg, client: &kgo.Client{Addr: kgo.TCP(cfg.Brokers...), Timeout: 15 * time.Second, Transport: tr}}, nil
}

// TopicResult says what EnsureTopics did for one topic.
type TopicResult struct {
	Topic      string
	Partitions int
	Created    bool
}

// EnsureTopics creates the stories topic (cfg.Partitions) and the DLQ topic
// when they are missing. Existing topics are left alone and reported with
// their partition count; running it again changes nothing.
func (a *Admin) EnsureTopics(ctx context.Context) ([]TopicResult, error) {
	want := []kgo.TopicConfig{
		{Topic: a.cfg.Topic, NumPartitions: a.cfg.Partitions, ReplicationFactor: a.cfg.Replication},
		{Topic: a.cfg.DLQTopic, NumPartitions: 1, ReplicationFactor: a.cfg.Replication,
			ConfigEntries: []kgo.ConfigEntry{{ConfigName: "retention.ms", ConfigValue: "2592000000"}}},
	}
	resp, err := a.client.CreateTopics(ctx, &kgo.CreateTopicsRequest{Topics: want})
	if err != nil {
		return nil, fmt.Errorf("failed to create topics: %w", err)
	}
	created := map[string]bool{}
	for _, t := range want {
		terr := resp.Errors[t.Topic]
		switch {
		case terr == nil:
			created[t.Topic] = true
		case errors.Is(terr, kgo.TopicAlreadyExists):
		default:
			return nil, fmt.Errorf("failed to create topic %s: %w", t.Topic, terr)
		}
	}
	parts, err := a.Partitions(ctx, a.cfg.Topic, a.cfg.DLQTopic)
	if err != nil {
		return nil, err
	}
	out := make([]TopicResult, 0, len(want))
	for _, t := range want {
		out = append(out, TopicResult{Topic: t.Topic, Partitions: parts[t.Topic], Created: created[t.Topic]})
	}
	return out, nil
}

// Partitions returns the partition count of each named topic (0 if missing).
func (a *Admin) Partitions(ctx context.Context, topics ...string) (map[string]int, error) {
	md, err := a.client.Metadata(ctx, &kgo.MetadataRequest{Topics: topics})
	if err != nil {
		return nil, fmt.Errorf("failed to read Kafka metadata: %w", err)
	}
	out := make(map[string]int, len(topics))
	for _, t := range md.Topics {
		if t.Error == nil {
			out[t.Name] = len(t.Partitions)
		}
	}
	return out, nil
}

// ClusterInfo is what status reports about Kafka.
type ClusterInfo struct {
	ClusterID string
	Brokers   []string
	// FetchVersion and ProduceVersion are the highest API versions the broker
	// supports; Kafka does not report its release over the protocol.
	FetchVersion, ProduceVersion int
	Topics                       map[string]int
}

// Describe reads the cluster id, brokers, API versions and topic partitions.
func (a *Admin) Describe(ctx context.Context) (*ClusterInfo, error) {
	md, err := a.client.Metadata(ctx, &kgo.MetadataRequest{})
	if err != nil {
		return nil, fmt.Errorf("failed to read Kafka metadata from %v: %w", a.cfg.Brokers, err)
	}
	info := &ClusterInfo{ClusterID: md.ClusterID, Topics: map[string]int{}}
	for _, b := range md.Brokers {
		info.Brokers = append(info.Brokers, fmt.Sprintf("%d@%s:%d", b.ID, b.Host, b.Port))
	}
	sort.Strings(info.Brokers)
	for _, t := range md.Topics {
		info.Topics[t.Name] = len(t.Partitions)
	}
	if av, err := a.client.ApiVersions(ctx, &kgo.ApiVersionsRequest{}); err == nil {
		for _, k := range av.ApiKeys {
			switch k.ApiName {
			case "Fetch":
				info.FetchVersion = k.MaxVersion
			case "Produce":
				info.ProduceVersion = k.MaxVersion
			}
		}
	}
	return info, nil
}

// Lag returns, per partition of topic, the group's committed offset and the
// partition's end offset. A partition without a commit reports committed -1.
func (a *Admin) Lag(ctx context.Context, group, topic string) (map[int][2]int64, error) {
	n, err := a.Partitions(ctx, topic)
	if err != nil {
		return nil, err
	}
	reqs := make([]kgo.OffsetRequest, 0, n[topic])
	ids := make([]int, 0, n[topic])
	for p := 0; p < n[topic]; p++ {
		reqs = append(reqs, kgo.LastOffsetOf(p))
		ids = append(ids, p)
	}
	ends, err := a.client.ListOffsets(ctx, &kgo.ListOffsetsRequest{Topics: map[string][]kgo.OffsetRequest{topic: reqs}})
	if err != nil {
		return nil, fmt.Errorf("failed to list offsets of %s: %w", topic, err)
	}
	committed, err := a.client.OffsetFetch(ctx, &kgo.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: ids}})
	if err != nil {
		return nil, fmt.Errorf("failed to fetch offsets of group %s: %w", group, err)
	}
	out := make(map[int][2]int64, len(ids))
	for _, po := range ends.Topics[topic] {
		out[po.Partition] = [2]int64{-1, po.LastOffset}
	}
	for _, pc := range committed.Topics[topic] {
		v := out[pc.Partition]
		v[0] = pc.CommittedOffset
		out[pc.Partition] = v
	}
	return out, nil
}
