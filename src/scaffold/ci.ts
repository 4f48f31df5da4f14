/**
 * The CI workflows `handbook init` writes, and docs/ci.md shows (generated
 * from these, so the recipes and the files never differ): the one set of CI
 * templates. Both check every push and merge request with annotations on the
 * lines, build both audiences, deploy the public site from the default
 * branch, and fetch the full history so "last updated" is right; on a merge
 * request they also check it `--since` its base branch (a page moved without
 * `redirect_from` fails) and post `handbook diff` against it as a comment.
 */
export const CI_FILES: Readonly<Record<string, string>> = {
  '.github/workflows/handbook.yml': `# Checks the handbook on every push and pull request (GitHub annotates the lines
# with the problems), builds both audiences, and deploys the public site to
# GitHub Pages from the default branch (Settings > Pages > Source: GitHub Actions).
# On a pull request it also checks that no page moved without a redirect
# (check --since the base branch), and posts the OKRs, key results and KPIs the
# pull request changes as one comment (handbook diff), edited on later pushes.
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
          fetch-depth: 0 # the whole history: "Last updated" comes from git, check --since reads the base branch
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Check
        if: github.event_name != 'pull_request'
        run: npx handbook check --format github
      # On a pull request, every URL the base branch had must still lead somewhere
      # too: a page moved without redirect_from fails.
      - name: Check against the base branch
        if: github.event_name == 'pull_request'
        run: npx handbook check --format github --since "origin/$BASE_REF"
        env:
          BASE_REF: \${{ github.base_ref }}
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

  # The review diff, as one comment on the pull request. A pull request from a
  # fork gets a read-only token, so none is posted there.
  review:
    if: github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the base branch, which the diff reads
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      # --audience internal shows internal values (the repository holds them anyway);
      # use --audience public where pull requests are seen by people who may not see them.
      - name: Post the review diff
        env:
          GH_TOKEN: \${{ github.token }}
          BASE: origin/\${{ github.base_ref }}
          PR: \${{ github.event.pull_request.number }}
        run: |
          npx handbook diff --base "$BASE" --audience internal --format markdown > handbook-diff.md
          gh pr comment "$PR" --body-file handbook-diff.md --edit-last || gh pr comment "$PR" --body-file handbook-diff.md
`,
  '.gitlab-ci.yml': `# Checks the handbook on every push and merge request (GitLab shows the problems
# on the lines of the merge request), builds both audiences, and deploys the
# public site to GitLab Pages from the default branch. On a merge request it
# also checks that no page moved without a redirect (check --since the target
# branch), and posts the OKRs, key results and KPIs the merge request changes as
# a comment (handbook diff): posting needs a project access token with the
# \`api\` scope in the CI/CD variable HANDBOOK_BOT_TOKEN (without it, the diff is
# only kept as an artifact of the job).
image: node:20

variables:
  GIT_DEPTH: 0 # the whole history: "Last updated" comes from git, check --since and the diff read the target branch

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

review:
  stage: check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    # --audience internal shows internal values (the repository holds them anyway);
    # use --audience public where merge requests are seen by people who may not see them.
    - npx handbook diff --base "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --audience internal --format markdown > handbook-diff.md
    - >-
      node -e 'process.stdout.write(JSON.stringify({ body: require("fs").readFileSync("handbook-diff.md", "utf8") }))' > note.json
    - >-
      if [ -z "$HANDBOOK_BOT_TOKEN" ]; then echo "HANDBOOK_BOT_TOKEN is not set: the review diff is not posted (see the job's artifacts)"; else
      curl --fail --silent --show-error --request POST
      --header "PRIVATE-TOKEN: $HANDBOOK_BOT_TOKEN" --header "Content-Type: application/json"
      --data @note.json
      "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"; fi
    # Every URL the target branch had must still lead somewhere: a page moved without redirect_from fails.
    - npx handbook check --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
  artifacts:
    when: always
    paths: [handbook-diff.md]
    expire_in: 1 week

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
