-- A scripted editing session in real Neovim, for tests/test_editor_neovim.py.
-- Run as: nvim --headless -u CONFIG MAP -c "luafile nvim_session.lua"
-- with ARGMAP_SESSION naming a JSON plan: {"result": path, "timeout_ms": n, "definition": {line, col},
-- "hover": {line, col}, "completion": {line, col}, "rename": {line, col, "to": name},
-- "edit_line": text}. Lines and columns are 0-based (ASCII maps: bytes are characters).
-- It writes what it saw to plan.result: one entry a step, {ok = false, error = ...} when a step
-- failed (the steps after it are not run), and quits. Works on Neovim 0.7 and newer.

local plan = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv("ARGMAP_SESSION")), "\n"))
local timeout = plan.timeout_ms
local buf = vim.api.nvim_get_current_buf()
local result = { version = vim.version(), steps = {} }

local function lines()
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function clients()
  if vim.lsp.get_clients then -- 0.10
    return vim.lsp.get_clients({ bufnr = buf })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(buf))
end

local function diagnostics()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(out, { line = d.lnum, col = d.col, code = d.code or lsp.code, message = d.message })
  end
  return out
end

local function has_code(code)
  for _, d in ipairs(diagnostics()) do
    if d.code == code then
      return true
    end
  end
  return false
end

local function wait(what, condition)
  if not vim.wait(timeout, condition, 20) then
    error("timed out after " .. timeout .. " ms waiting for " .. what)
  end
end

local function floating_windows()
  local found = {}
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= "" then
      table.insert(found, win)
    end
  end
  return found
end

local function cursor_at(at)
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_win_set_cursor(0, { at.line + 1, at.col })
end

local failed = false -- after a failed step the rest are not run (each would only time out)

local function step(name, run)
  if failed then
    return
  end
  local ok, value = pcall(run)
  result.steps[name] = ok and { ok = true, value = value } or { ok = false, error = tostring(value) }
  failed = not ok
end

step("attach", function()
  wait("the argmap client to attach", function()
    return #clients() > 0 and clients()[1].initialized ~= false
  end)
  local client = clients()[1]
  return { filetype = vim.bo[buf].filetype, name = client.name, root_dir = client.config.root_dir,
           commentstring = vim.bo[buf].commentstring }
end)

step("diagnostics", function()
  wait("the first diagnostics", function()
    return #diagnostics() > 0
  end)
  return diagnostics()
end)

step("definition", function()
  cursor_at(plan.definition)
  vim.lsp.buf.definition()
  wait("the cursor to move to the definition", function()
    local row = vim.api.nvim_win_get_cursor(0)[1]
    return row ~= plan.definition.line + 1
  end)
  local cursor = vim.api.nvim_win_get_cursor(0)
  return { line = cursor[1] - 1, col = cursor[2] }
end)

step("hover", function()
  cursor_at(plan.hover)
  vim.lsp.buf.hover()
  wait("the hover window", function()
    return #floating_windows() > 0
  end)
  local win = floating_windows()[1]
  local text = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
  vim.api.nvim_win_close(win, true)
  return text
end)

step("completion", function()
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = plan.completion.line, character = plan.completion.col },
  }
  local answers, err = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, timeout)
  if not answers then
    error("no completion: " .. tostring(err))
  end
  local labels = {}
  for _, answer in pairs(answers) do
    if answer.err then
      error("completion failed: " .. vim.inspect(answer.err))
    end
    local items = answer.result and (answer.result.items or answer.result) or {}
    for _, item in ipairs(items) do
      table.insert(labels, item.label)
    end
  end
  return labels
end)

step("rename", function()
  cursor_at(plan.rename)
  local before = table.concat(lines(), "\n")
  vim.lsp.buf.rename(plan.rename.to)
  wait("the rename to change the buffer", function()
    return table.concat(lines(), "\n") ~= before
  end)
  return lines()
end)

step("formatting", function()
  if vim.lsp.buf.format then -- 0.8
    vim.lsp.buf.format({ async = false, timeout_ms = timeout })
  else
    vim.lsp.buf.formatting_sync(nil, timeout)
  end
  return lines()
end)

step("edit", function()
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { plan.edit_line })
  wait("an undefined-node diagnostic after the edit", function()
    return has_code("undefined-node")
  end)
  return diagnostics()
end)

step("undo edit", function()
  vim.api.nvim_buf_set_lines(buf, -2, -1, false, {})
  wait("the undefined-node diagnostic to go", function()
    return not has_code("undefined-node")
  end)
  return diagnostics()
end)

result.lsp_log = vim.lsp.get_log_path()
result.messages = vim.api.nvim_exec("messages", true)
vim.fn.writefile({ vim.fn.json_encode(result) }, plan.result)
vim.cmd("qa!")
