# keysweep in a container: `docker build -t keysweep .` then
#   docker run --rm -v "$PWD:/src" -w /src keysweep scan .
# Multi-stage: the Rust toolchain stays in the builder; the final image holds the binary and
# the C runtime it links (glibc, libgcc_s), nothing else.
FROM rust:1-bookworm AS build
WORKDIR /build
COPY . .
RUN cargo build --release --locked \
 && strip target/release/keysweep \
 && target/release/keysweep --version

FROM gcr.io/distroless/cc-debian12
COPY --from=build /build/target/release/keysweep /usr/local/bin/keysweep
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/keysweep"]
CMD ["scan", "."]
