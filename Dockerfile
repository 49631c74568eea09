# opgraph: one static binary, the seeds beside it.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/opgraph ./cmd/opgraph

FROM gcr.io/distroless/static-debian12
WORKDIR /app
COPY --from=build /out/opgraph /app/opgraph
COPY seeds /app/seeds
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["/app/opgraph"]
CMD ["serve", "--addr", ":8080", "--backend", "bbolt", "--db", "/data", "--seeds", "/app/seeds"]
