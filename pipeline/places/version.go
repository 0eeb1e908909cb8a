package places

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

var dataVersion = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write(gazetteerGz)
	h.Write([]byte(extraTSV))
	h.Write([]byte(countriesTSV))
	return hex.EncodeToString(h.Sum(nil)[:4])
})
