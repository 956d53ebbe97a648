# loomlab: build, run and test with a JDK >= 21, found here so that nobody has to set JAVA_HOME.
# The machine's default java may be older (17 on the lab VMs): we use JAVA_HOME when it is >= 21,
# else the newest JDK >= 21 under /usr/lib/jvm, and stop with a clear message when there is none.

SHELL := /bin/bash
.DEFAULT_GOAL := help

JDK_MIN := 21
# Where JDKs are installed; JAVA_HOME wins when it is new enough.
JVM_DIR ?= /usr/lib/jvm
MVN     ?= mvn
MVN_FLAGS ?= -B -q -e
JAR     := target/server.jar
ARGS    ?=

# Prints the path of a JDK >= $(JDK_MIN), or nothing.
define find_jdk
major() { "$$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }; \
if [ -n "$$JAVA_HOME" ] && [ -x "$$JAVA_HOME/bin/javac" ] && [ "$$(major "$$JAVA_HOME")" -ge $(JDK_MIN) ] 2>/dev/null; then echo "$$JAVA_HOME"; exit 0; fi; \
best=; bestv=0; for d in $(JVM_DIR)/*/; do d=$${d%/}; [ -x "$$d/bin/javac" ] || continue; v=$$(major "$$d"); \
  [ -n "$$v" ] && [ "$$v" -ge $(JDK_MIN) ] && [ "$$v" -gt "$$bestv" ] && { best=$$d; bestv=$$v; }; done; \
echo "$$best"
endef

FOUND_JDK := $(shell $(find_jdk))
export JAVA_HOME := $(FOUND_JDK)
export PATH := $(FOUND_JDK)/bin:$(PATH)
JAVA := $(FOUND_JDK)/bin/java

.PHONY: help jdk build run test clean demo bench aot soak native native-test release-check deb

help: ## Show the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

jdk: ## Check that a JDK >= 21 is available and say which one is used
	@if [ -z "$(FOUND_JDK)" ]; then \
	  echo "error: loomlab needs a JDK $(JDK_MIN) or newer, and none was found." >&2; \
	  echo "  Looked at JAVA_HOME and $(JVM_DIR)/*." >&2; \
	  echo "  Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it." >&2; \
	  exit 2; fi
	@echo "using JDK at $(FOUND_JDK)"

build: jdk ## Build target/server.jar (tests skipped; 'make test' runs them)
	$(MVN) $(MVN_FLAGS) -DskipTests package

$(JAR): pom.xml $(shell find src/main -type f 2>/dev/null)
	@$(MAKE) --no-print-directory build

# A faster start from class data (docs/performance.md, "Start-up"): the archive of 'make aot' while
# it is newer than the jar it was made for; otherwise one the JVM writes itself at the first
# exit and uses from then on (it remakes it when the jar changes).
# The JVM reports at exit each class it cannot archive (about a hundred warnings on stdout) and
# an archive it cannot use; neither matters for a cache, which it simply remakes: -Xlog:cds=off.
AUTO_ARCHIVE = -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=target/server-auto.jsa -Xlog:cds=off
AOT_ARCHIVE = $(if $(shell [ target/server.aot -nt $(JAR) ] && echo y),-XX:AOTCache=target/server.aot,$(if $(shell [ target/server.jsa -nt $(JAR) ] && echo y),-XX:SharedArchiveFile=target/server.jsa,$(AUTO_ARCHIVE)))

# JVM options for 'make run' and the training run of 'make aot' (an AOT cache only serves a JVM
# started with the same object layout), e.g. JAVA_OPTS="-Xmx512m -XX:+UseCompactObjectHeaders".
JAVA_OPTS ?=

run: jdk $(JAR) ## Build if needed, then serve the default services (Ctrl-C stops; 'make aot' first starts it faster)
	$(JAVA) $(JAVA_OPTS) $(AOT_ARCHIVE) -jar $(JAR) $(ARGS)

test: jdk ## Unit, socket and end-to-end tests (mvn verify), then how many ran, passed, failed, were skipped
	@mkdir -p target && touch target/.test-start
	@status=0; $(MVN) $(MVN_FLAGS) verify || status=$$?; \
	  tools/test-summary.sh target target/.test-start; exit $$status

demo: jdk $(JAR) ## Scalability demo: serial vs platform vs virtual threads, report in demo-report/ (ARGS="--help")
	$(JAVA) -jar $(JAR) demo $(ARGS)

SOAK_DURATION ?= 3m
SOAK_RATE     ?= 200
soak: jdk ## Steady load on the server jar for SOAK_DURATION (3m); fails if RSS, threads or files keep growing
	$(MVN) $(MVN_FLAGS) verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dit.test=SoakIT -Dsoak.duration=$(SOAK_DURATION) -Dsoak.rate=$(SOAK_RATE)

# JMH settings for 'make bench': short but stable enough to compare before/after a change on a
# quiet machine. BENCH selects benchmarks by regex (e.g. make bench BENCH=Calc).
JMH_ARGS ?= -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
BENCH    ?= loomlab.bench

bench: jdk ## JMH benchmarks of the codecs, then a short load run of loomlab against itself (never part of 'make test')
	$(MVN) $(MVN_FLAGS) -Pbench -DskipTests package
	$(JAVA) -cp target/test-classes:target/classes:$$(cat target/jmh.classpath) org.openjdk.jmh.Main $(JMH_ARGS) \
	  -rf json -rff target/jmh-result.json '$(BENCH)'
	bench/self-load.sh

aot: jdk $(JAR) ## Class-data archive for a faster start (target/server.aot on JDK 25+, else .jsa)
	JAVA_OPTS="$(JAVA_OPTS)" bench/aot-train.sh

clean: ## Remove build output
	$(MVN) $(MVN_FLAGS) clean

# ---- native executable (GraalVM) and releases: docs/native-image.md, docs/install.md ----

.PHONY: graalvm

# The GraalVM that builds native images: GRAALVM_HOME, else the JDK in use when it is a GraalVM
# (has bin/native-image); empty when there is none.
GRAALVM := $(firstword $(foreach g,$(GRAALVM_HOME) $(FOUND_JDK),$(if $(wildcard $(g)/bin/native-image),$(g))))

graalvm: ## Check that GraalVM for JDK 21+ (native-image) is available, say which one
	@if [ -z "$(GRAALVM)" ]; then \
	  echo "error: building the native executable needs GraalVM for JDK $(JDK_MIN) or newer (its native-image tool); none was found." >&2; \
	  echo "  Looked at GRAALVM_HOME ($${GRAALVM_HOME:-unset}) and the JDK in use ($(or $(FOUND_JDK),none))." >&2; \
	  echo "  Install GraalVM for JDK 21+ (https://www.graalvm.org/downloads/ or 'sdk install java 21-graalce')" >&2; \
	  echo "  and set GRAALVM_HOME to it. The jar needs no GraalVM ('make build'); see docs/native-image.md." >&2; \
	  exit 2; fi
	@v=$$("$(GRAALVM)/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'); \
	if [ "$${v:-0}" -lt $(JDK_MIN) ]; then \
	  echo "error: $(GRAALVM) is GraalVM for JDK $${v:-?}; loomlab needs GraalVM for JDK $(JDK_MIN) or newer." >&2; exit 2; fi
	@echo "using GraalVM at $(GRAALVM)"

native: graalvm ## Build the native executable target/server with GraalVM
	JAVA_HOME="$(GRAALVM)" GRAALVM_HOME="$(GRAALVM)" $(MVN) $(MVN_FLAGS) -Pnative -DskipTests package
	@echo "built target/server"

native-test: graalvm ## Run the unit tests compiled into a native executable (GraalVM)
	JAVA_HOME="$(GRAALVM)" GRAALVM_HOME="$(GRAALVM)" $(MVN) $(MVN_FLAGS) -Pnative test

release-check: jdk $(JAR) ## Validate jreleaser.yml and assemble the jar distribution, offline
	MVN="$(MVN)" MVN_FLAGS="$(MVN_FLAGS)" packaging/release-check.sh

deb: jdk $(JAR) ## Debian package target/loomlab_VERSION_ARCH.deb with its own jlink'ed runtime (needs dpkg-dev)
	packaging/deb/build-deb.sh
