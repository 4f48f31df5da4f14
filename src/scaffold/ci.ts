/**
 * The CI workflows `handbook init` writes, and docs/ci.md shows (generated
 * from these, so the recipes and the files never differ). Both check every
 * push and merge request with annotations on the lines, build both
 * audiences, deploy the public site from the default branch, and fetch the
 * full history so "last updated" is right.
 */
export const CI_FILES: Readonly<Record<string, string>> = {
  '.github/workflows/handbook.yml': `# Checks the handbook on every push and pull request (GitHub annotates the lines
# with the problems), builds both audiences, and deploys the public site to
# GitHub Pages from the default branch (Settings > Pages > Source: GitHub Actions).
name: Handbook

on:
  push:
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: handbook-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the whole history: "Last updated" comes from git
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Check
        run: npx handbook check --format github
      - name: Build the public site
        run: npx handbook build --out dist
      # Built to prove it builds; deploy it only somewhere private (never as an
      # artifact of a public repository: anyone could download it).
      - name: Build the internal site
        run: npx handbook build --audience internal --out dist-internal
      - uses: actions/upload-pages-artifact@v3
        if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
        with:
          path: dist

  deploy:
    if: github.event_name != 'pull_request' && github.ref_name == github.event.repository.default_branch
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`,
  '.gitlab-ci.yml': `# Checks the handbook on every push and merge request (GitLab shows the problems
# on the lines of the merge request), builds both audiences, and deploys the
# public site to GitLab Pages from the default branch.
image: node:20

variables:
  GIT_DEPTH: 0 # the whole history: "Last updated" comes from git

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never
    - if: $CI_COMMIT_BRANCH

# Not .cache/okr-handbook/: its files are sealed with a key of the machine that
# wrote them, so a cache restored on another runner reads as empty.
cache:
  key:
    files: [package-lock.json]
  paths: [.npm/]

before_script:
  - npm ci --cache .npm --prefer-offline

stages: [check, build, deploy]

check:
  stage: check
  script:
    - npx handbook check --format gitlab > gl-code-quality-report.json || true
    - npx handbook check
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json

build:
  stage: build
  script:
    - npx handbook build --out public
    # Built to prove it builds; deploy it only somewhere private.
    - npx handbook build --audience internal --out dist-internal
  artifacts:
    paths: [public]
    expire_in: 1 week

pages:
  stage: deploy
  needs: [build]
  before_script: []
  script:
    - test -f public/index.html
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
`,
};
