-- Drives Neovim's own LSP client (0.7: vim.lsp.start_client; vim.lsp.start exists from 0.8) against
-- postcraft-language-server and prints what it saw as one line of JSON, which
-- test/unit/server/neovim.test.ts asserts. Run: nvim --headless -u NONE -c 'luafile lspClient.lua'
-- Environment: POSTCRAFT_SERVER_CMD (JSON array), POSTCRAFT_ROOT (the site folder), POSTCRAFT_POST (a post in it).
local root = os.getenv('POSTCRAFT_ROOT')
local post = os.getenv('POSTCRAFT_POST')
local cmd = vim.fn.json_decode(os.getenv('POSTCRAFT_SERVER_CMD'))
local timeout = 20000
local out = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), steps = {} }

local function finish()
  io.stdout:write(vim.fn.json_encode(out) .. '\n')
  vim.cmd('qa!')
end

-- Any error ends the run with what was seen so far and the error, never a hang.
local function step(name, fn)
  local ok, err = pcall(fn)
  table.insert(out.steps, name)
  if not ok then
    out.error = name .. ': ' .. tostring(err)
    finish()
  end
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function diagnostics_of(buf)
  return vim.tbl_map(function(d)
    return { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = code_of(d), source = d.source, message = d.message }
  end, vim.diagnostic.get(buf))
end

local client_id, client, buf

step('start', function()
  client_id = vim.lsp.start_client({
    name = 'postcraft',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'site' } },
    -- The same settings as the extension's. Neovim 0.7 does not announce workspace/configuration, so
    -- they are sent on init, as nvim-lspconfig does.
    settings = { postcraft = { checks = { ['tag-typo'] = 'error' } } },
    on_init = function(started)
      started.notify('workspace/didChangeConfiguration', { settings = started.config.settings })
    end,
  })
  assert(client_id, 'the client did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(post))
  buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  client = vim.lsp.get_client_by_id(client_id)
  out.serverName = client.name
end)

step('diagnostics', function()
  -- The tag typo as an error: the configured severity, not the default warning.
  assert(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'tag-typo' and d.severity == vim.diagnostic.severity.ERROR then return true end
    end
    return false
  end, 20), 'no tag-typo error arrived: ' .. vim.inspect(diagnostics_of(buf)))
  out.diagnostics = diagnostics_of(buf)
end)

step('codeAction', function()
  local typo
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(buf, out.diagnostics[1].lnum, nil, client_id)) do
    if d.code == 'tag-typo' then typo = d end
  end
  assert(typo, 'no tag-typo among the line diagnostics')
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = typo.range,
    context = { diagnostics = { typo } },
  }, timeout, buf)
  assert(response and not response.err, 'codeAction failed: ' .. vim.inspect(response))
  out.actions = vim.tbl_map(function(action) return { title = action.title, kind = action.kind, isPreferred = action.isPreferred } end, response.result)
  -- Neovim applies the first action's edit itself, as it does when the writer picks it.
  vim.lsp.util.apply_workspace_edit(response.result[1].edit, client.offset_encoding)
  out.fixedLine = vim.api.nvim_buf_get_lines(buf, typo.range.start.line, typo.range.start.line + 1, false)[1]
  assert(vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'tag-typo' then return false end
    end
    return true
  end, 20), 'the tag-typo diagnostic stayed after the fix')
  out.diagnosticsAfterFix = diagnostics_of(buf)
end)

step('completion', function()
  -- Type a new tag into the list: `"ku` after `["dok", `.
  local line = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
  local at = string.find(line, '"dok", ', 1, true) + #'"dok", ' - 1
  vim.api.nvim_buf_set_text(buf, 4, at, 4, at, { '"ku", ' })
  local response = client.request_sync('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = 4, character = at + 3 },
  }, timeout, buf)
  assert(response and not response.err, 'completion failed: ' .. vim.inspect(response))
  local items = response.result.items or response.result
  out.completion = vim.tbl_map(function(item) return { label = item.label, detail = item.detail, textEdit = item.textEdit } end, items)
end)

step('hover', function()
  local response = client.request_sync('textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 4, character = 10 } }, timeout, buf)
  assert(response and not response.err, 'hover failed: ' .. vim.inspect(response))
  out.hover = response.result.contents.value
end)

step('stop', function()
  client.stop()
  out.stopped = vim.wait(timeout, function() return client.is_stopped() end, 20)
end)

finish()
