package tomlfile

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tiendo/tiendo/generator/diag"
)

// locate finds which occurrence of key (a path without array indexes, as
// the TOML library names it in a decoding error, e.g. "points.value") holds
// the value that cannot be decoded into v. The library reports the line of
// the key's last occurrence, which in a file of [[points]] is usually
// another point: each occurrence is decoded again on its own into the type
// of its destination, and the first that fails is the one.
func (f *File) locate(data []byte, key string, v any) (diag.Pos, bool) {
	var paths []string
	for path := range f.keys {
		if stripIndexes(path) == key && path != key {
			paths = append(paths, path)
		}
	}
	if len(paths) < 2 {
		return diag.Pos{}, false
	}
	sort.Slice(paths, func(i, j int) bool { return f.keys[paths[i]].Line < f.keys[paths[j]].Line })
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(data), &top)
	if err != nil {
		return diag.Pos{}, false
	}
	for _, path := range paths {
		parts := strings.Split(path, ".")
		t := fieldType(reflect.TypeOf(v), parts)
		prim, ok := primitiveAt(md, top, parts)
		if t == nil || !ok {
			continue
		}
		if err := md.PrimitiveDecode(prim, reflect.New(t).Interface()); err != nil {
			return f.keys[path], true
		}
	}
	return diag.Pos{}, false
}

// primitiveAt walks parts (keys and array indexes) down from top.
func primitiveAt(md toml.MetaData, top map[string]toml.Primitive, parts []string) (toml.Primitive, bool) {
	cur, ok := top[parts[0]]
	if !ok {
		return toml.Primitive{}, false
	}
	for _, part := range parts[1:] {
		if i, err := strconv.Atoi(part); err == nil {
			var arr []toml.Primitive
			if md.PrimitiveDecode(cur, &arr) != nil || i >= len(arr) {
				return toml.Primitive{}, false
			}
			cur = arr[i]
			continue
		}
		var table map[string]toml.Primitive
		if md.PrimitiveDecode(cur, &table) != nil {
			return toml.Primitive{}, false
		}
		if cur, ok = table[part]; !ok {
			return toml.Primitive{}, false
		}
	}
	return cur, true
}

// fieldType returns the type of the destination of parts in a value of type
// t, following toml tags, or nil if it cannot tell.
func fieldType(t reflect.Type, parts []string) reflect.Type {
	for _, part := range parts {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil {
			return nil
		}
		switch t.Kind() {
		case reflect.Slice, reflect.Array:
			if _, err := strconv.Atoi(part); err != nil {
				return nil
			}
			t = t.Elem()
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			var found reflect.Type
			for i := range t.NumField() {
				fl := t.Field(i)
				name, _, _ := strings.Cut(fl.Tag.Get("toml"), ",")
				if name == part || name == "" && strings.EqualFold(fl.Name, part) {
					found = fl.Type
					break
				}
			}
			t = found
		default:
			return nil
		}
	}
	return t
}
