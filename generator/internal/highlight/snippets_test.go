package highlight

// snippets holds one realistic block per natively scanned language. The
// tests use them as fixtures, the fuzz test as its seed corpus and the
// benchmarks as their workload.
var snippets = map[string]string{
	"go": `// handle serves one request.
func handle(w http.ResponseWriter, r *http.Request) error {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || n > 42 {
		return fmt.Errorf("bad n %q: %w", r.URL, err)
	}
	buf := make([]byte, 0, 0x10)
	ratio := 1.5e3 / float64(n)
	_, err = fmt.Fprintf(w, ` + "`%d %v`" + `, len(buf), ratio)
	return err
}
`,
	"python": `import os
from pathlib import Path

@cache
def load(path: str, limit=10) -> dict:
    """Read the config at path."""
    if not os.path.exists(path):
        return None  # nothing to do
    data = Path(path).read_text()
    return {"lines": len(data.splitlines()), "ok": True, 'x': f"{limit}"}
`,
	"javascript": `import { readFile } from "node:fs/promises";

// Load the manifest and count its entries.
export async function count(path) {
  const text = await readFile(path, 'utf8');
  let n = 0;
  for (const line of text.split("\n")) {
    if (line.trim() !== "") n += 1;
  }
  return ` + "`${path}: ${n}`" + `;
}
`,
	"json": `{
  "name": "handbook",
  "version": 3,
  "ratio": -1.5e2,
  "private": true,
  "deps": ["a", "b"],
  "license": null
}
`,
	"yaml": `# Service configuration
---
name: billing-api
replicas: 3
enabled: true
ratio: 0.75
owner: null
image: "registry.example.com/billing:1.4"
env:
  - name: LOG_LEVEL
    value: 'debug'
defaults: &defaults
  timeout: 30s
prod:
  <<: *defaults
`,
	"toml": `# Build settings
title = "Handbook"
port = 8080
ratio = 0.5
debug = false
released = 2024-01-02

[server]
hosts = ["a", "b"]
'quoted key' = 'literal'

[[plugins]]
name = """multi
line"""
`,
	"bash": `#!/usr/bin/env bash
set -euo pipefail

# Deploy every service.
for svc in api web worker; do
  if [ -f "$svc/Dockerfile" ]; then
    echo "building ${svc} in $PWD"
    docker build -t "$svc:latest" "$svc" > /dev/null 2>&1
  fi
done
export COUNT=$(ls | wc -l)
`,
	"console": `$ go test ./...
ok      handbook/generator  0.412s
$ echo "$HOME" | wc -c
12
# apt-get install -y git
Reading package lists... Done
`,
	"sql": `-- Active users per team
SELECT t.name, COUNT(*) AS users, AVG(u.age) AS avg_age
FROM teams t
JOIN users u ON u.team_id = t.id
WHERE u.active = TRUE AND u.created_at > '2024-01-01'
GROUP BY t.name
HAVING COUNT(*) > 10
ORDER BY users DESC
LIMIT 5;
`,
	"rust": `use std::collections::HashMap;

/// Count words in text.
pub fn count(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in text.split_whitespace() {
        *m.entry(w.to_string()).or_insert(0) += 1;
    }
    println!("{} words", m.len());
    let raw = r#"a "raw" string"#;
    let c = 'x';
    m
}
`,
	"c": `#include <stdio.h>
#define MAX 16

/* Print the numbers. */
int main(int argc, char **argv) {
    unsigned long n = 0x1fUL;
    for (int i = 0; i < MAX; i++) {
        printf("%d\n", i);
    }
    return 0;
}
`,
	"csharp": `using System;

namespace Demo
{
    public class Program
    {
        // Entry point.
        public static void Main(string[] args)
        {
            var count = args.Length;
            Console.WriteLine($"args: {count}");
            bool ok = count > 0 && true;
        }
    }
}
`,
	"protobuf": `syntax = "proto3";

package billing.v1;

// An invoice line.
message Line {
  string sku = 1;
  int64 cents = 2;
  repeated string tags = 3;
}

service Billing {
  rpc Charge(Line) returns (Line);
}
`,
	"diff": `diff --git a/main.go b/main.go
index 3b18e51..a9c2f0d 100644
--- a/main.go
+++ b/main.go
@@ -1,5 +1,5 @@
 package main
-import "fmt"
+import "log"
 func main() {
-	fmt.Println("hi")
+	log.Println("hi")
 }
`,
	"dockerfile": `# Build stage
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download && \
    CGO_ENABLED=0 go build -o /out/app ./cmd/app
ENV PORT=8080
EXPOSE 8080
ENTRYPOINT ["/out/app", "--port", "$PORT"]
`,
	"makefile": `# Build targets
BIN := bin/app
GOFLAGS ?= -trimpath

.PHONY: build test
build: $(BIN)

$(BIN): $(wildcard *.go)
	go build $(GOFLAGS) -o $@ .

test:
	go test ./...
`,
}

// chromaSnippets holds a realistic block in each language whose scanner
// was handed back to chroma, for not agreeing with chroma's lexer on real
// code: the fallback tests highlight them through chroma.
var chromaSnippets = map[string]string{
	"typescript": `interface User {
  id: number;
  name: string;
}

/* Find a user by id. */
export function find(users: User[], id: number): User | undefined {
  return users.find((u) => u.id === id);
}
const admin: User = { id: 1, name: "root" };
`,
	"java": `package com.example;

import java.util.List;

public class Greeter {
    private final String name = "world";

    @Override
    public String toString() {
        return "Hello, " + name + '!' + 42L;
    }
}
`,
	"kotlin": `package demo

data class User(val name: String, val age: Int)

fun main() {
    val users = listOf(User("ann", 31), User("bo", 27))
    // oldest first
    val names = users.sortedByDescending { it.age }.map { it.name }
    println("names: $names")
}
`,
	"cpp": `#include <vector>
#include <string>

namespace app {
template <typename T>
class Stack {
public:
    void push(const T& v) { items_.push_back(v); }
    bool empty() const noexcept { return items_.empty(); }
private:
    std::vector<T> items_;
};
}
`,
	"hcl": `# Web server
resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = var.instance_type
  count         = 2
  monitoring    = true

  tags = {
    Name = "web-${count.index}"
  }
}
`,
	"ruby": `require "json"

# A tiny greeter.
class Greeter
  attr_reader :name

  def initialize(name = "world")
    @name = name
  end

  def greet
    puts "Hello, #{@name}!" if @name
    nil
  end
end
`,
}
