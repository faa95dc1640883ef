# Two commands on a fresh Debian machine (as root): `make run` and `make test`.
# Each installs what is missing first, so a clean clone (and CI) needs nothing done by hand.

SWIFT        ?= swift
STATE_DIR    ?= ./state
PORT         ?= 8080
BUILD_FLAGS  ?=
# What the service needs to build and run: SQLite, libgd, libqrencode, a font with Vietnamese glyphs.
RUN_PACKAGES  = pkg-config libsqlite3-dev libgd-dev libqrencode-dev fonts-noto-core fonts-dejavu-core fonts-noto-color-emoji
# What the tests need besides: a real QR decoder, an SVG rasterizer, Chromium and its WebDriver, and curl
# (a client from another loopback address).
TEST_PACKAGES = zbar-tools librsvg2-bin chromium chromium-driver curl
# What the benchmark needs besides: wrk drives the scans over HTTP, curl logs the station in.
BENCH_PACKAGES = wrk curl
# The build folder of `make bench` (e.g. BENCH_SCRATCH=.build-bench to keep it apart from a debug build).
BENCH_SCRATCH ?= .build
# Options of the bench (e.g. BENCH_ARGS="--families 1000 --repeat 50" for a quick scale run; see BenchArguments).
BENCH_ARGS ?=
# The build that is installed on a kiosk box, and the one the bench measures: the Swift runtime linked in
# (the box needs only the Debian libraries of RUN_PACKAGES), linked by lld with packed relocations and
# no exported symbols, so the loader writes and maps 7 MB less at start.
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -use-ld=lld \
	-Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic
PYTHON       ?= python3

# The build folder and the seconds per harness of `make fuzz`.
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_HARNESSES = ticket form station-request family-fields csv

.PHONY: run test build release deps test-deps bench-deps bench fuzz screenshots clean

run: deps build
	@echo "Starting the kiosk service with the demo site (Ctrl-C to stop)…"
	.build/debug/kiosk serve --demo --state-dir $(STATE_DIR) --port $(PORT) --assets ./kiosk-assets

test: deps test-deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)
	.build/debug/kiosk-fuzz replay Tests/Fuzz/Corpus
	node --test Tests/e2e/telex.test.mjs Tests/e2e/entry.test.mjs
	$(PYTHON) -m pytest -q Tests/e2e

build:
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product kiosk

bench: deps bench-deps
	$(SWIFT) build $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH) --product kiosk-bench
	$(SWIFT) build $(RELEASE_FLAGS) --scratch-path $(BENCH_SCRATCH) --product kiosk
	$(BENCH_SCRATCH)/release/kiosk-bench --kiosk $(BENCH_SCRATCH)/release/kiosk --assets ./kiosk-assets $(BENCH_ARGS)

# Each fuzz harness under libFuzzer for FUZZ_SECONDS (new inputs go to a scratch corpus; the seeds in
# Tests/Fuzz/Corpus stay as committed). A crash stops with the input saved as crash-* in the scratch folder.
fuzz: deps
	$(SWIFT) build -c release --product kiosk-fuzz --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	@for harness in $(FUZZ_HARNESSES); do \
	  mkdir -p $(FUZZ_SCRATCH)/corpus/$$harness && \
	  echo "fuzzing $$harness for $(FUZZ_SECONDS) s" && \
	  KIOSK_FUZZ=$$harness $(FUZZ_SCRATCH)/release/kiosk-fuzz $(FUZZ_SCRATCH)/corpus/$$harness Tests/Fuzz/Corpus/$$harness \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -artifact_prefix=$(FUZZ_SCRATCH)/ -print_final_stats=1 \
	    > $(FUZZ_SCRATCH)/$$harness.log 2>&1; status=$$?; \
	  grep -E "^(stat::number_of_executed_runs|stat::peak_rss|==|SUMMARY|Fatal)|Done [0-9]+ runs" $(FUZZ_SCRATCH)/$$harness.log; \
	  [ $$status = 0 ] || { tail -30 $(FUZZ_SCRATCH)/$$harness.log; exit 1; }; \
	done

screenshots: deps test-deps build
	$(PYTHON) Tests/e2e/screenshots.py

# Installs the Debian packages that are missing (needs root, as on a fresh machine or in CI).
deps:
	@./.ci/install-packages $(RUN_PACKAGES)

bench-deps:
	@./.ci/install-packages $(BENCH_PACKAGES)

test-deps:
	@./.ci/install-packages $(TEST_PACKAGES)
	@$(PYTHON) -c "import selenium, pytest" 2>/dev/null || $(PYTHON) -m pip install --quiet selenium pytest

clean:
	rm -rf .build
