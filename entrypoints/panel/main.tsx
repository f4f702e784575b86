import { render } from 'preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { openDatabase } from '@/lib/db';
import { createExtensionPanelClient } from '@/lib/panel/extension-panel-client';
import '@/components/shared/base.css';
import '@/components/panel/panel.css';

render(<PanelApp client={createExtensionPanelClient(openDatabase())} />, document.getElementById('app')!);
